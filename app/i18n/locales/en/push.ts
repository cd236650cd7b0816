// Push notifications: the one neutral line a lock screen shows, and the settings for this device.
export default {
  push: {
    neutralLine: "You have a new message",
    settings: {
      title: "Notifications on this device",
      intro:
        "We can tell you on this device when you have a new message. The notification shows only the site's name and “You have a new message”.",
      needsScript: "Notifications need JavaScript in the browser.",
      unsupported: "This browser cannot show notifications from us.",
      installFirst:
        "On iPhone and iPad, notifications only come when this site is on your Home Screen. Tap Share, then “Add to Home Screen”, and open it from there.",
      blocked: "Notifications are turned off for this site in the browser's settings.",
      isOn: "Notifications are on for this device.",
      isOff: "Notifications are off for this device.",
      turnOn: "Turn on notifications",
      turnOff: "Turn off notifications",
      showDetails: "Show a little more on this device's lock screen",
      showDetailsHint: "Only if nobody else sees your screen. Without this it only says “You have a new message”.",
      saved: "Saved.",
      failed: "That did not work. Try again.",
      otherDevices: "Each device has its own choice. Other devices do not change.",
    },
  },
};
