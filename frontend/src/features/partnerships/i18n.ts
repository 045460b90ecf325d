export const partnershipsFa = {
  title: 'partnerships',
};

export const partnershipsEn: typeof partnershipsFa = {
  title: 'partnerships',
};
