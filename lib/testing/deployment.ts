// A real deployment's identity (issue 16 item 3): https, support contacts, letter sender.
export const DEPLOYMENT = {
  APP_URL: "https://portail.example",
  SUPPORT_EMAIL: "assistance@portail.example",
  SUPPORT_PHONE: "01 23 45 67 89",
  SUPPORT_HOURS: "du lundi au vendredi, de 9 h à 17 h",
  LETTER_SENDER_NAME: "Syndicat mixte du numérique",
  LETTER_SENDER_ADDRESS: "2 rue de la Poste|42000 SAINT ETIENNE",
  LETTER_CASE_OFFICER: "Le service des e-services",
};
