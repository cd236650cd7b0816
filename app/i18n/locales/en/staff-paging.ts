// Staff pages only: previous and next page of a list paged by keys (the answers of an activity).
export default {
  staffPaging: {
    label: "Pages of answers",
    previous: "Previous page",
    next: "Next page",
  },
};
