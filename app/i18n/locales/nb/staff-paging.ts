// Staff pages only: previous and next page of a list paged by keys (the answers of an activity).
export default {
  staffPaging: {
    label: "Sider med svar",
    previous: "Forrige side",
    next: "Neste side",
  },
} as const;
