export const accountFa = {
  title: 'حساب کاربری',
  fields: {
    email: 'رایانامه',
    password: 'گذرواژه',
  },
  login: {
    title: 'ورود',
    submit: 'ورود',
    noAccount: 'حساب ندارید؟',
  },
};

export const accountEn: typeof accountFa = {
  title: 'Account',
  fields: {
    email: 'E-mail',
    password: 'Password',
  },
  login: {
    title: 'Sign in',
    submit: 'Sign in',
    noAccount: 'No account yet?',
  },
};
