// Urdu (draft), member pages: being met at the door the first time, and staff's replies to a note.
export default {
  door: {
    askLabel: "میں چاہتی ہوں کہ پہلی بار کوئی مجھ سے ملے",
    askHint: "عملے میں سے کوئی آپ سے باہر ملے گا، تاکہ آپ کو اکیلے اندر نہ جانا پڑے۔",
    placeLabel: "آپ کہاں ملنا چاہیں گی؟ (اختیاری)",
    placeHint: "مثلاً «بس اسٹاپ کے پاس»۔ یہ صرف آپ اور عملہ دیکھتے ہیں۔",
    atDoor: "دروازے",
    requested: "آپ نے {{place}} پر ملنے کی درخواست کی ہے۔ کوئی مقرر ہونے پر عملہ آپ کو یہیں بتائے گا۔",
    assigned: "عملے میں سے کوئی آپ سے {{place}} پر ملے گا۔",
    threadTitle: "آپ کا نوٹ اور جوابات",
    you: "آپ نے لکھا",
    staffReplied: "عملے نے {{when}} جواب دیا",
  },
} as const;
