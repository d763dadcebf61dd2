import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Parley

// One row of the conversation list: avatar with presence, name, time of the last message,
// a preview (or who is typing), the muted mark and the unread badge.
ItemDelegate {
    id: row

    required property real conversationId
    required property string title
    required property bool isGroup
    required property string lastMessage
    required property var lastActivity
    required property int unreadCount
    required property bool online
    required property string typingText
    required property bool muted
    required property string avatarSource

    property bool selected: false
    // Others' presence is only known while connected.
    property bool presenceKnown: true
    property bool keyboardCurrent: false

    signal activated()
    signal contextMenuRequested(real x, real y)

    // "14:05" today, "Tue" this week, "12 Mar" this year, else "12 Mar 2023".
    function shortTime(when) {
        if (!when || isNaN(when.getTime()))
            return ""
        const now = new Date()
        const startOfToday = new Date(now.getFullYear(), now.getMonth(), now.getDate())
        const days = (startOfToday - new Date(when.getFullYear(), when.getMonth(), when.getDate())) / 86400000
        if (days <= 0)
            return Theme.formatTime(when)
        if (days < 7)
            return Qt.locale().dayName(when.getDay(), Locale.ShortFormat)
        if (when.getFullYear() === now.getFullYear()) {
            //: A date of this year, as a Qt date format (d day, MMM short month name)
            return when.toLocaleDateString(Qt.locale(), qsTr("d MMM"))
        }
        return Theme.formatDate(when)
    }

    objectName: "conversation:" + title
    height: 68
    padding: 0
    leftPadding: Theme.spacingMedium
    rightPadding: Theme.spacingMedium
    focusPolicy: Qt.NoFocus
    highlighted: selected

    Accessible.name: {
        let description = title
        if (unreadCount > 0)
            description += ", " + qsTr("%n unread", "", unreadCount)
        if (muted)
            description += ", " + qsTr("muted")
        return description
    }

    onClicked: activated()

    background: Rectangle {
        color: row.selected ? Theme.selection : (row.hovered || row.keyboardCurrent ? Theme.hover : "transparent")

        Rectangle {
            visible: row.selected
            width: 3
            height: parent.height - 2 * Theme.spacingMedium
            radius: 1.5
            anchors.left: parent.left
            anchors.verticalCenter: parent.verticalCenter
            color: Theme.accent
        }
    }

    TapHandler {
        acceptedButtons: Qt.RightButton
        onTapped: eventPoint => row.contextMenuRequested(eventPoint.position.x, eventPoint.position.y)
    }

    contentItem: RowLayout {
        spacing: Theme.spacingMedium

        Avatar {
            name: row.title
            source: row.avatarSource
            isGroup: row.isGroup
            showPresence: !row.isGroup
            online: row.online && row.presenceKnown
            ringColor: row.selected ? Theme.selection : Theme.sidebar
        }

        ColumnLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingTiny

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing

                Label {
                    objectName: "conversationTitle"
                    Layout.fillWidth: true
                    text: row.title
                    elide: Text.ElideRight
                    font.pixelSize: Theme.fontSize + 1
                    font.weight: row.unreadCount > 0 ? Font.Bold : Font.DemiBold
                    color: Theme.text
                }

                Label {
                    text: row.shortTime(row.lastActivity)
                    font.pixelSize: Theme.fontSizeSmall + 1
                    color: row.unreadCount > 0 && !row.muted ? Theme.accent : Theme.secondaryText
                }
            }

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacingSmall

                Label {
                    objectName: "conversationPreview"
                    Layout.fillWidth: true
                    text: row.typingText.length > 0 ? row.typingText : row.lastMessage
                    textFormat: Text.PlainText
                    maximumLineCount: 1
                    elide: Text.ElideRight
                    font.pixelSize: Theme.fontSize - 1
                    font.italic: row.typingText.length > 0
                    color: row.typingText.length > 0 ? Theme.accent : Theme.secondaryText
                }

                Icon {
                    objectName: "mutedIcon"
                    visible: row.muted
                    implicitWidth: 16
                    implicitHeight: 16
                    name: "bell-off"
                    color: Theme.secondaryText
                    strokeWidth: 1.8
                }

                Rectangle {
                    objectName: "unreadBadge"
                    visible: row.unreadCount > 0
                    implicitHeight: 20
                    implicitWidth: Math.max(20, badgeText.implicitWidth + 12)
                    radius: 10
                    color: row.muted ? Theme.mutedBadge : Theme.badge

                    Label {
                        id: badgeText
                        objectName: "unreadCount"
                        anchors.centerIn: parent
                        text: row.unreadCount > 99 ? "99+" : row.unreadCount
                        color: Theme.textOnAccent
                        font.pixelSize: Theme.fontSizeSmall
                        font.weight: Font.Bold
                    }
                }
            }
        }
    }
}
