// Soomaali, bogagga shaqaalaha oo keliya: warqadaha martiqaadka oo dufcado ah iyo bogga xubinta iyo imaanshaheeda.
export default {
  staffSlips: {
    label: "Magaca dufcaddan (shaqaalaha oo keliya)",
    labelHint:
      "Tusaale «Bergen, kooxda ragga, lagu bixiyay kafeega». Laguma daabaco warqadaha. Ugu badnaan {{max}} xaraf.",
    languages: "Luqadaha warqadaha",
    languagesHint: "Hal ama laba luqadood. Koodhka iyo koodhka QR waa isku mid.",
    cutHint: "Ka jar xariiqyada dhibcaha leh.",
    noLabel: "Magac ma leh",
    groups: "Kooxaha:",
    noGroups: "koox ma leh",
    slipLanguages: "Luqadaha:",
  },
  staffMember: {
    back: "Ku noqo xubnaha",
    status: "Xaalad",
    active: "Firfircoon",
    deactivated: "La joojiyay",
    groups: "Kooxaha",
    noGroups: "Koox ma leh",
    history: "Imaanshaha",
    historyIntro:
      "{{max}}-kii hawlood ee ugu dambeeyay ee xubintu haa ku tidhi ama timid. Shaqaalaha laanta oo keliya ayaa arka.",
    historyNone: "Weli hawl ma jirto.",
    activity: "Hawsha",
    date: "Taariikh",
    outcome: "Imaanshaha",
    came: "Timid",
    didNotCome: "Ma iman",
    walkIn: "Timid iyada oo aan jawaabin",
    open: "Eeg {{pseudonym}}",
    meta: "Xubin",
  },
  validation: {
    staffSlips: {
      chooseLanguages: "Dooro hal ama laba luqadood.",
      labelTooLong: "Magacu wuxuu yeelan karaa ugu badnaan 80 xaraf.",
    },
  },
};
