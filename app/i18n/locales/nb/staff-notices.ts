// Norsk bokmål, staff pages only: cancelling with care, undo, offers held.
export default {
  staffNotices: {
    cancelExplain:
      "Alle som skal komme, har fått tilbud om plass eller står på venteliste, får et varsel med begrunnelsen. Du kan angre i ett døgn (og før start).",
    reasonLabel: "Begrunnelse (medlemmene ser den)",
    reasonHint: "Med enkle ord, for eksempel «Beklager, lederen er syk». Høyst {{max}} tegn.",
    confirmLabel: "Ja, avlys og gi beskjed til alle",
    reasonShown: "Begrunnelse:",
    undoHeading: "Angre avlysningen",
    undoExplain: "Du kan angre til {{until}}. Aktiviteten og alle svar blir som før, og alle får beskjed.",
    undo: "Angre avlysningen",
    restored: "Aktiviteten er ikke lenger avlyst. Alle svar er som før.",
    undoThisOnly: "Angre bare for denne datoen",
    undoTogether: "Angre alle {{count}} datoene som ble avlyst samtidig",
    restoredTogether: "Datoene er ikke lenger avlyst ({{count}}). Alle svar er som før.",
    offersHeld: "Tilbud om plass",
    offersCount: "{{n}} holdes nå",
    offeredUntil: "tilbud til {{until}}",
    messageHeading: "Send en melding til de som kommer",
    messageExplain:
      "Alle som har sagt ja får den som et varsel i appen. Medlemmene kan ikke svare på den, og ser ikke hvem andre som fikk den.",
    messageLabel: "Melding (medlemmene ser den)",
    messageHint: "For eksempel «Vi møtes ved inngangen mot parken». Høyst {{max}} tegn.",
    messageIncludeWaitlist: "Send også til de som står på venteliste eller har fått tilbud om plass",
    messageSend: "Send meldingen",
    messageSent: "Meldingen er sendt til {{n}}.",
  },
  validation: {
    staffNotices: {
      reasonRequired: "Skriv hvorfor aktiviteten avlyses. Medlemmene ser det.",
      reasonTooLong: "Skriv kortere: høyst 300 tegn.",
      confirmRequired: "Kryss av for at du vil avlyse.",
      tooLateToUndo: "Det er for sent å angre: det har gått et døgn, eller aktiviteten har startet.",
    },
  },
} as const;
