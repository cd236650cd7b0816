// Somali, staff pages only: cancelling with care, undo, offers held. Draft: needs native review.
export default {
  staffNotices: {
    cancelExplain:
      "Qof kasta oo imanaya, boos loo soo bandhigay ama ku jira liiska sugitaanka wuxuu helayaa ogeysiis sababta leh. Waad ka noqon kartaa muddo maalin ah (iyo ka hor bilowga).",
    reasonLabel: "Sababta (xubnuhu way arkaan)",
    reasonHint: "Erayo fudud, tusaale «Raali noqo, hoggaamiyuhu waa jiran yahay». Ugu badnaan {{max}} xaraf.",
    confirmLabel: "Haa, jooji oo u sheeg qof kasta",
    reasonShown: "Sababta:",
    undoHeading: "Ka noqo joojinta",
    undoExplain:
      "Waad ka noqon kartaa ilaa {{until}}. Hawsha iyo jawaab kasta sidii hore ayay noqonayaan, qof kastana waa loo sheegayaa.",
    undo: "Ka noqo joojinta",
    restored: "Hawsha mar dambe lama joojin. Jawaab kasta sidii bay ahayd.",
    undoThisOnly: "Ka noqo taariikhdan oo keliya",
    undoTogether: "Ka noqo dhammaan taariikhaha isla mar la joojiyay ({{count}})",
    restoredTogether: "Taariikhaha mar dambe lama joojin ({{count}}). Jawaab kasta sidii bay ahayd.",
    offersHeld: "Boosas la soo bandhigay",
    offersCount: "{{n}} ayaa hadda la hayaa",
    offeredUntil: "la soo bandhigay ilaa {{until}}",
    messageHeading: "U dir fariin kuwa imanaya",
    messageExplain:
      "Qof kasta oo haa yiri wuxuu u helayaa ogeysiis ahaan app-ka. Xubnuhu kama jawaabi karaan, mana arkaan cid kale oo heshay.",
    messageLabel: "Fariinta (xubnuhu way arkaan)",
    messageHint: "Tusaale ahaan «Waxaan ku kulmaynaa albaabka beerta u jeeda». Ugu badnaan {{max}} xaraf.",
    messageIncludeWaitlist: "Sidoo kale u dir kuwa liiska sugitaanka ku jira ama loo soo bandhigay meel",
    messageSend: "Dir fariinta",
    messageSent: "Fariinta waxaa loo diray {{n}}.",
  },
  validation: {
    staffNotices: {
      reasonRequired: "Qor sababta hawsha loo joojinayo. Xubnuhu way arki doonaan.",
      reasonTooLong: "Ka gaabi: ugu badnaan 300 xaraf.",
      confirmRequired: "Calaamadee sanduuqa si aad u xaqiijiso inaad joojinayso.",
      tooLateToUndo: "Waqtigii laga noqon lahaa waa dhaafay: maalin ayaa dhaaftay, ama hawshu waa bilaabatay.",
    },
  },
} as const;
