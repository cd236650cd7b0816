// Soomaali (draft, needs native review), staff pages: series, holidays, copies and drafts.
export default {
  staffSeries: {
    scopeLegend: "Beddelku taariikhahee ayuu khuseeyaa?",
    scopeThis: "Taariikhdan oo keliya ({{date}})",
    scopeFollowing: "Tan iyo taariikhaha ka dambeeya",
    scopeAll: "Dhammaan taariikhaha taxanaha ee aan weli dhammaan",
    scopeHint:
      "Jawaabuhu way sii jiraan. Waqtiyadu waa waqtiga Norway taariikh kasta, xitaa marka saacadda la beddelo. Haddii aad yareyso tirada meelaha, kuwa imanaya meeshooda way haystaan; jawaabaha cusubi waxay galaan liiska sugitaanka.",
    savedDates: "Waa la keydiyay. Taariikhaha la beddelay: {{count}}.",
    seriesHeading: "Taariikhaha taxanaha",
    seriesIntro: "Calaamadee taariikhaha aad rabto inaad ka boodo.",
    occurrence: "Imanaya: {{going}}, liiska sugitaanka: {{waitlist}}",
    thisPage: "boggan",
    cancelledDate: "la joojiyay",
    draftDate: "qabyo",
    skip: "Ka bood taariikhaha la calaamadeeyay",
    skipExplain:
      "Taariikh aan cidna ka jawaabin waa la tirtiraa. Taariikh jawaabo leh waa la joojiyaa, si kuwii jawaabay loogu sheego.",
    skipReasonLabel: "Sababta, haddii taariikh la calaamadeeyay ay jawaabo leedahay (xubnuhu way arkaan)",
    skipped: "La tirtiray: {{removed}}. La joojiyay maxaa yeelay qof baa jawaabay: {{cancelled}}.",
    cancelThisOnly: "Jooji taariikhdan oo keliya",
    cancelRestHeading: "Jooji inta ka hartay taxanaha",
    cancelRestExplain:
      "Waxay joojisaa taariikhdan iyo dhammaan taariikhaha taxanaha ee ka dambeeya ({{count}} taariikhood), sababta kor ku qoran. Qof kasta oo jawaabay waa loo sheegaa. Maalin gudaheed waad ka noqon kartaa dhammaantood mar keliya.",
    cancelRest: "Jooji tan iyo inta ka hartay taxanaha ({{count}} taariikhood)",
    cancelledRest: "Taariikhaha la joojiyay: {{count}}.",
    pastConfirm: "Waxaan diiwaangelinayaa wax horay u dhacay",
    pastConfirmHint: "Calaamadee oo keliya haddii hawshu ahayd maanta ka hor, tusaale ahaan warbixinta.",
    holidaysHeading: "Taariikhaha qaar waxay ku beegan yihiin fasax",
    holidaysExplain:
      "Taariikhaha la calaamadeeyay waa laga boodayaa. Ka saar calaamadda si aad taariikh u haysato. Kadib mar kale riix badhanka.",
    holidayChristmas: "Kirismaska iyo Sannadka Cusub",
    holidayEaster: "Toddobaadka Easter-ka",
    holidayPublic: "Fasax dadweyne",
    copyHeading: "U koobi taariikh kale",
    copyExplain:
      "Waxay samaysaa hawl cusub oo keli ah oo leh waqtiyo, meel iyo qoraal isku mid ah taariikhda cusub. Jawaabna lama koobiyeeyo.",
    copyNextWeek: "U koobi toddobaadka soo socda ({{date}})",
    copyDate: "Taariikhda cusub",
    copyToDate: "U koobi taariikhdan",
    copied: "Tani waa koobi taariikhda cusub. Eeg oo beddel waxa ka duwan.",
    saveDraft: "U keydi qabyo ahaan",
    draftNotice: "Qabyo: xubnuhu weli ma arki karaan.",
    draftSaved: "Waxaa loo keydiyay qabyo. Shaqaalaha oo keliya ayaa arki kara.",
    draftLabel: "Qabyo",
    publishHeading: "Daabac",
    publishExplain: "Markaad daabacdo, xubnaha kooxdu way arkaan hawsha, waxayna gaartaa jadwalladooda.",
    publishNow: "Hadda daabac",
    publishSeries: "Daabac dhammaan qabyada taxanaha",
    published: "Waa la daabacay.",
    preview: "U eeg sidii xubin",
    previewBanner: "Horudhac — lama daabicin. Sidan ayuu xubin kooxda ka mid ahi u arkaa.",
    previewBack: "Ku noqo wax-ka-beddelka",
    metaPreview: "Horudhac",
  },
  validation: {
    staffSeries: {
      startInPast:
        "Bilowgu waa waqti tagay. Dooro waqti dambe, ama calaamadee «Waxaan diiwaangelinayaa wax horay u dhacay».",
      everyDateSkipped: "Dhammaan taariikhaha waa laga booday. Ugu yaraan mid hayso.",
      copySameDate: "Dooro taariikh aan ahayn tan hawsha lafteeda.",
      chooseScope: "Dooro taariikhaha beddelku khuseeyo.",
      skipReasonRequired:
        "Qof baa ka jawaabay taariikh la calaamadeeyay, sidaa darteed waa la joojinayaa, lama tirtirayo. Qor sababta: way arki doonaan.",
      changedMeanwhile:
        "Qof ayaa beddelay taariikhahan markii aad bogga furtay kadib, sidaa darteed waxba lama samayn. Boggu hadda wuxuu u muujinayaa sida ay yihiin: eeg oo isku day mar kale.",
    },
  },
} as const;
