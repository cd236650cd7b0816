// Staff pages only: previous and next page of a list paged by keys (the answers of an activity).
export default {
  staffPaging: {
    label: "Bogagga jawaabaha",
    previous: "Boggii hore",
    next: "Bogga xiga",
  },
};
