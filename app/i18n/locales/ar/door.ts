// Arabic (draft), member pages: being met at the door the first time, and staff's replies to a note.
export default {
  door: {
    askLabel: "أود أن يستقبلني أحد في المرة الأولى",
    askHint: "يستقبلك أحد الموظفين في الخارج، حتى لا تدخلي وحدك.",
    placeLabel: "أين تريدين أن نستقبلك؟ (اختياري)",
    placeHint: "مثلًا «عند موقف الحافلة». لا يرى هذا إلا أنتِ والموظفون.",
    atDoor: "الباب",
    requested: "طلبتِ أن نستقبلك عند {{place}}. سيخبرك الموظفون هنا عندما يُحدَّد أحد.",
    assigned: "سيستقبلك أحد الموظفين عند {{place}}.",
    threadTitle: "ملاحظتك والردود",
    you: "كتبتِ",
    staffReplied: "ردّ الموظفون {{when}}",
  },
} as const;
