// Somali (draft), member pages: being met at the door the first time, and staff's replies to a note.
export default {
  door: {
    askLabel: "Waxaan jeclaan lahaa in markii ugu horreysay la i qaabilo",
    askHint: "Qof shaqaalaha ka mid ah ayaa dibadda kugu qaabilaya, si aadan keligaa u gelin.",
    placeLabel: "Xagee rabtaa in lagu qaabilo? (ikhtiyaari)",
    placeHint: "Tusaale ahaan «meesha baska». Adiga iyo shaqaalaha oo keliya ayaa arka.",
    atDoor: "albaabka",
    requested:
      "Waxaad codsatay in lagugu qaabilo {{place}}. Shaqaaluhu halkan ayay kuugu sheegi doonaan marka qof la magacaabo.",
    assigned: "Qof shaqaalaha ka mid ah ayaa kugu qaabili doona {{place}}.",
    threadTitle: "Qoraalkaaga iyo jawaabaha",
    you: "Waxaad qortay",
    staffReplied: "Shaqaaluhu waxay jawaabeen {{when}}",
  },
} as const;
