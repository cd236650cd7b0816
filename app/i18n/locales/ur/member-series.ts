// Members: answering every date of a weekly series at once.
export default {
  memberSeries: {
    everyTime: "میں ہر بار آؤں گی/گا",
    everyTimeHint:
      "سلسلے کی آنے والی ہر تاریخ کے لیے ہاں کا جواب دیتا ہے۔ اگر کوئی تاریخ بھری ہو تو آپ اس تاریخ کی انتظار کی فہرست میں چلے جاتے ہیں۔",
    leaveAll: "میں باقی میں نہیں آؤں گی/گا",
    heading: "آنے والی تاریخیں",
    place: "آپ کی جگہ ہے",
    waitlist: "انتظار کی فہرست، نمبر {{position}}",
    notGoing: "آپ نہیں آ رہے",
    none: "جواب نہیں دیا",
    blocked: "جواب نہیں دیا جا سکتا",
  },
} as const;
