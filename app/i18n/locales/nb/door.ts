// Norsk bokmål, member pages: being met at the door the first time, and staff's replies to a note.
export default {
  door: {
    askLabel: "Jeg vil gjerne bli møtt første gang",
    askHint: "Noen fra de ansatte møter deg ute, så du slipper å gå inn alene.",
    placeLabel: "Hvor vil du bli møtt? (valgfritt)",
    placeHint: "For eksempel «ved bussholdeplassen». Bare du og de ansatte ser dette.",
    atDoor: "døra",
    requested: "Du har bedt om å bli møtt ved {{place}}. De ansatte sier fra her når noen er satt opp.",
    assigned: "Noen fra de ansatte møter deg ved {{place}}.",
    threadTitle: "Notatet ditt og svar",
    you: "Du skrev",
    staffReplied: "De ansatte svarte {{when}}",
  },
} as const;
