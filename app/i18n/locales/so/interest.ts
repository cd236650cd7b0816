// Somali: "Would you like a network where you live?" (/interest). Draft: needs native review.
import type { Catalog } from "../nb";

export default {
  interest: {
    meta: { page: "Halka aad ku nooshahay" },
    title: "Ma rabtaa shabakad meesha aad ku nooshahay?",
    intro:
      "Waxaan rabnaa inaan shabakado ka bilowno meelo badan oo Norway ah. Noo sheeg halka aad ku nooshahay, si aan u aragno halka loo baahan yahay. Ma weydiinno magacaaga ama xiriirkaaga, mana kuu jawaabi karno.",
    countyLabel: "Gobolka (fylke)",
    countyChoose: "Dooro gobol",
    countyHint: "Marka hore dooro gobolka. Kadib waxaad dooran kartaa degmo ku taal gobolkaas.",
    municipalityLabel: "Degmada (ikhtiyaari)",
    municipalityHint: "Degmadu waa inay ku taal gobolka aad dooratay.",
    municipalityNone: "Degmo gaar ah ma aha",
    audienceLabel: "Yaa loogu talagalay shabakadda?",
    audience_women: "Haweenka",
    audience_men: "Ragga",
    audience_everyone: "Qof walba",
    languageLabel: "Luqadda (ikhtiyaari)",
    languageHint: "Luqad aad jeclaan lahayd inaad ku isticmaasho shabakadda.",
    languageNone: "Luqad gaar ah ma aha",
    submit: "Dir",
    submitting: "Waa la dirayaa …",
    whatWeKeepTitle: "Waxa aan kaydinno",
    whatWeKeep:
      "Tiro kaliya: inta qof ee bishan raba shabakad gobolka (iyo degmada), cidda loogu talagalay iyo luqadda. Ma kaydinno magacyo, xiriir, cinwaanno IP ama waqtiyo.",
    memberNote: "Waad gashay, laakiin jawaabtaada laguma xiro akoonkaaga. Waxaa loo tiriyaa sida dadka kale.",
    thanksTitle: "Mahadsanid!",
    thanksStored: "Waxaan hal ku darnay tirinta tan:",
    thanksCounty: "Gobolka",
    thanksMunicipality: "Degmada",
    thanksAudience: "Loogu talagalay",
    thanksLanguage: "Luqadda",
    thanksMonth: "Bisha",
    thanksNone: "Lama dooran",
    thanksNothingElse:
      "Waa intaas. Ma kaydin cidda aad tahay, halka aad hadda joogto ama goorta aad jawaabtay (bisha kaliya).",
    thanksMember: "Jawaabta laguma xirin akoonkaaga.",
    again: "Dir jawaab kale",
    home: "Bogga hore",
    landingTitle: "Shabakad ma jirto halka aad ku nooshahay?",
    landingText:
      "Noo sheeg halka aad ku nooshahay, magac la'aan. Markaas waxaan arki karnaa halka shabakad cusub loogu baahan yahay.",
    landingLink: "Ma rabtaa shabakad meesha aad ku nooshahay?",
    meTitle: "Ma guurtay?",
    meText:
      "Ma guurtay, mise waxaad rabtaa koox halka aad ku nooshahay? Noo sheeg. Jawaabta waa la tiriyaa iyadoon lagu xirin akoonkaaga.",
    meLink: "Noo sheeg halka aad ku nooshahay",
  },
  validation: {
    interest: {
      chooseCounty: "Dooro gobol.",
      municipalityNotInCounty: "Degmadani kuma taal gobolka aad dooratay. Dooro degmo ku taal gobolkaas, ama midna.",
      chooseAudience: "Dooro cidda shabakadda loogu talagalay.",
      chooseLanguage: "Ka dooro luqad liiska, ama luqad gaar ah ma aha.",
      tooManyAttempts: "Jawaabo badan ayaa maanta halkan laga diray. Fadlan berri isku day.",
    },
  },
} satisfies Pick<Catalog, "interest"> & { validation: Pick<Catalog["validation"], "interest"> };
