// Staff pages only: previous and next page of a list paged by keys (the answers of an activity).
export default {
  staffPaging: {
    label: "جوابات کے صفحات",
    previous: "پچھلا صفحہ",
    next: "اگلا صفحہ",
  },
};
