// العربية، صفحات الموظفين فقط: أوراق الدعوة على دفعات وصفحة العضو مع حضوره.
export default {
  staffSlips: {
    label: "اسم هذه الدفعة (للموظفين فقط)",
    labelHint: "مثلًا «بيرغن، مجموعة الرجال، وُزعت في المقهى». لا يُطبع على الأوراق. {{max}} حرفًا على الأكثر.",
    languages: "لغات الأوراق",
    languagesHint: "لغة واحدة أو لغتان. الرمز ورمز QR لا يتغيران.",
    cutHint: "قصّ على الخطوط المنقطة.",
    noLabel: "بلا اسم",
    groups: "المجموعات:",
    noGroups: "لا مجموعات",
    slipLanguages: "اللغات:",
  },
  staffMember: {
    back: "إلى الأعضاء",
    status: "الحالة",
    active: "نشط",
    deactivated: "موقوف",
    groups: "المجموعات",
    noGroups: "لا مجموعات",
    history: "الحضور",
    historyIntro: "آخر {{max}} نشاطًا قال العضو إنه سيحضرها أو حضرها. يراها موظفو الفرع فقط.",
    historyNone: "لا نشاطات بعد.",
    activity: "النشاط",
    date: "التاريخ",
    outcome: "الحضور",
    came: "حضر",
    didNotCome: "لم يحضر",
    walkIn: "حضر دون رد مسبق",
    open: "عرض {{pseudonym}}",
    meta: "عضو",
  },
  validation: {
    staffSlips: {
      chooseLanguages: "اختر لغة واحدة أو لغتين.",
      labelTooLong: "الاسم 80 حرفًا على الأكثر.",
    },
  },
};
