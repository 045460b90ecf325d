export const ideasFa = {
  title: 'ideas',
};

export const ideasEn: typeof ideasFa = {
  title: 'ideas',
};
