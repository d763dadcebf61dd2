pragma Singleton

import QtQuick

// Parley's palette and metrics: one place for colours, spacing and sizes so every screen
// looks the same. `dark` is bound by Main.qml to the Material theme it resolved (the
// system's light or dark preference, or QT_QUICK_CONTROLS_MATERIAL_THEME).
QtObject {
    property bool dark: false

    // Spacing: multiples of 4.
    readonly property int spacingTiny: 2
    readonly property int spacingSmall: 4
    readonly property int spacing: 8
    readonly property int spacingMedium: 12
    readonly property int spacingLarge: 16
    readonly property int spacingHuge: 24

    readonly property int radius: 8
    readonly property int bubbleRadius: 14
    readonly property int headerHeight: 60
    readonly property int sidebarWidth: 320
    readonly property int avatarSize: 40
    readonly property int smallAvatarSize: 32
    readonly property int iconSize: 20
    readonly property int contentMaxWidth: 760

    readonly property int fontSizeSmall: 11
    readonly property int fontSize: 14
    readonly property int fontSizeLarge: 16
    readonly property int fontSizeTitle: 22

    readonly property color accent: dark ? "#7AA2F7" : "#3461D1"
    readonly property color textOnAccent: dark ? "#0E1424" : "#FFFFFF"
    readonly property color window: dark ? "#16181D" : "#F4F5F8"
    readonly property color sidebar: dark ? "#1C1F26" : "#FFFFFF"
    readonly property color chat: dark ? "#121419" : "#EEF1F6"
    readonly property color surface: dark ? "#242833" : "#FFFFFF"
    readonly property color header: dark ? "#1C1F26" : "#FFFFFF"
    readonly property color divider: dark ? "#2E333F" : "#E2E5EC"
    readonly property color text: dark ? "#E6E8EE" : "#1B1E25"
    readonly property color secondaryText: dark ? "#9AA1B2" : "#667085"
    readonly property color selection: dark ? "#263352" : "#E6ECFB"
    readonly property color hover: dark ? "#222632" : "#F2F4F8"

    readonly property color ownBubble: dark ? "#2F4F8F" : "#D9E4FF"
    readonly property color ownBubbleText: dark ? "#EEF2FF" : "#14213D"
    readonly property color otherBubble: dark ? "#242833" : "#FFFFFF"
    readonly property color otherBubbleText: text
    // Someone else's message that mentions me: warmer than the others, with an accent edge.
    readonly property color mentionBubble: dark ? "#3A3322" : "#FFF3D1"
    readonly property color bubbleMeta: dark ? "#A9B3CC" : "#6B7692"

    readonly property color online: "#2FB574"
    readonly property color danger: dark ? "#FF6B6B" : "#D92D20"
    readonly property color warning: dark ? "#F5B94A" : "#B54708"
    readonly property color warningBackground: dark ? "#3A2E12" : "#FEF0C7"
    readonly property color read: dark ? "#7AA2F7" : "#2F6BEA"
    readonly property color badge: accent
    readonly property color mutedBadge: dark ? "#4A5060" : "#A3AAB8"

    // A time of day in the user's locale, without seconds ("14:05", "2:05 PM").
    function formatTime(when) {
        return Qt.formatTime(when, Qt.locale().timeFormat(Locale.ShortFormat).replace(/[:.]ss/, ""))
    }

    // A date in the user's language, short ("26 Oct 2026", "26. Okt. 2026").
    function formatDate(when) {
        //: A date as a Qt date format (d day, MMM short month name, yyyy year)
        return when.toLocaleDateString(Qt.locale(), qsTr("d MMM yyyy"))
    }

    // A moment: the time if it was today, else the date and time.
    function formatDateTime(when) {
        if (!when || isNaN(when.getTime()))
            return ""
        const now = new Date()
        if (when.toDateString() === now.toDateString())
            return qsTr("today at %1").arg(formatTime(when))
        return qsTr("%1 at %2").arg(formatDate(when)).arg(formatTime(when))
    }

    // When someone was last online, as a chat's header says it: "last seen just now",
    // "… 5 minutes ago", "… today at 14:05", "… yesterday at 14:05", or with the date.
    // `now` is passed in, so that a timer in the view can make the words move on.
    function formatLastSeen(when, now) {
        if (!when || isNaN(when.getTime()))
            return qsTr("Offline")
        const minutes = Math.floor((now.getTime() - when.getTime()) / 60000)
        if (minutes < 1)
            return qsTr("last seen just now")
        if (minutes < 60)
            return qsTr("last seen %n minute(s) ago", "", minutes)
        if (when.toDateString() === now.toDateString())
            return qsTr("last seen today at %1").arg(formatTime(when))
        const yesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1)
        if (when.toDateString() === yesterday.toDateString())
            return qsTr("last seen yesterday at %1").arg(formatTime(when))
        return qsTr("last seen %1").arg(formatDate(when))
    }

    // A stable colour per name for avatars, from its first and last letters and length.
    function avatarColor(name) {
        if (!name || name.length === 0)
            return accent
        const seed = name.charCodeAt(0) * 31 + name.charCodeAt(name.length - 1) * 7 + name.length * 13
        return Qt.hsla((seed % 360) / 360, dark ? 0.45 : 0.55, dark ? 0.45 : 0.52, 1)
    }
}
