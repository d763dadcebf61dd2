import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Parley

// One entry of a conversation: an optional day separator, then either a membership note
// ("alice added bob") or a message bubble (own on the right) with the sender's name in
// groups, the time and, on own messages, the delivery ticks; a failed message says why
// and offers to retry.
Item {
    id: entry

    required property real seq
    required property string clientId
    required property string senderName
    required property bool isOwn
    required property string text
    required property var timestamp
    required property string dayLabel
    required property bool showDaySeparator
    required property bool showSender
    required property string deliveryState
    required property string failureReason
    required property bool isSystem
    required property string systemText

    signal retryRequested(string messageClientId)

    readonly property real bubbleMaxWidth: Math.min(width * 0.72, 560)

    objectName: isSystem ? "systemMessage" : "message"
    implicitHeight: column.implicitHeight
    Accessible.role: Accessible.ListItem
    Accessible.name: isSystem ? systemText
                              : (isOwn ? qsTr("You: %1").arg(text) : qsTr("%1: %2").arg(senderName).arg(text))

    Column {
        id: column
        width: parent.width
        spacing: Theme.spacingSmall

        // Day separator: a pill in the middle ("Today", "Yesterday", a date).
        Item {
            visible: entry.showDaySeparator
            width: parent.width
            height: visible ? dayPill.height + Theme.spacing * 2 : 0

            Rectangle {
                id: dayPill
                objectName: "daySeparator"
                anchors.centerIn: parent
                width: dayText.implicitWidth + Theme.spacingLarge * 2
                height: dayText.implicitHeight + Theme.spacingSmall * 2
                radius: height / 2
                color: Theme.surface
                border.color: Theme.divider

                Label {
                    id: dayText
                    anchors.centerIn: parent
                    text: entry.dayLabel
                    font.pixelSize: Theme.fontSizeSmall + 1
                    font.weight: Font.DemiBold
                    color: Theme.secondaryText
                }
            }
        }

        // Membership changes and other notes from the conversation's log.
        Label {
            objectName: "systemText"
            visible: entry.isSystem
            width: parent.width - Theme.spacingHuge * 2
            x: Theme.spacingHuge
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
            text: entry.systemText
            font.pixelSize: Theme.fontSizeSmall + 1
            color: Theme.secondaryText
        }

        // The bubble.
        Item {
            visible: !entry.isSystem
            width: parent.width
            height: visible ? bubble.height : 0

            Rectangle {
                id: bubble
                objectName: "messageBubble"
                anchors.right: entry.isOwn ? parent.right : undefined
                anchors.left: entry.isOwn ? undefined : parent.left
                anchors.rightMargin: Theme.spacingHuge
                anchors.leftMargin: Theme.spacingHuge
                width: Math.min(entry.bubbleMaxWidth,
                                Math.max(bubbleContent.implicitWidth, metaRow.implicitWidth) + Theme.spacingMedium * 2)
                height: bubbleContent.implicitHeight + Theme.spacing * 2
                radius: Theme.bubbleRadius
                color: entry.isOwn ? Theme.ownBubble : Theme.otherBubble
                border.width: entry.deliveryState === "failed" ? 1 : 0
                border.color: Theme.danger

                // A flatter corner on the sender's side, where the bubble points.
                Rectangle {
                    width: Theme.bubbleRadius
                    height: Theme.bubbleRadius
                    anchors.bottom: parent.bottom
                    anchors.right: entry.isOwn ? parent.right : undefined
                    anchors.left: entry.isOwn ? undefined : parent.left
                    color: parent.color
                    visible: entry.deliveryState !== "failed"
                    radius: 3
                }

                ColumnLayout {
                    id: bubbleContent
                    anchors.fill: parent
                    anchors.leftMargin: Theme.spacingMedium
                    anchors.rightMargin: Theme.spacingMedium
                    anchors.topMargin: Theme.spacing
                    anchors.bottomMargin: Theme.spacing
                    spacing: Theme.spacingTiny

                    Label {
                        objectName: "senderName"
                        visible: entry.showSender
                        text: entry.senderName
                        font.pixelSize: Theme.fontSize - 1
                        font.weight: Font.DemiBold
                        color: Theme.avatarColor(entry.senderName)
                    }

                    Label {
                        objectName: "messageText"
                        Layout.fillWidth: true
                        Layout.maximumWidth: entry.bubbleMaxWidth - Theme.spacingMedium * 2
                        text: entry.text
                        textFormat: Text.PlainText
                        wrapMode: Text.Wrap
                        font.pixelSize: Theme.fontSize
                        color: entry.isOwn ? Theme.ownBubbleText : Theme.otherBubbleText
                    }

                    RowLayout {
                        id: metaRow
                        Layout.alignment: Qt.AlignRight
                        spacing: Theme.spacingSmall

                        Label {
                            objectName: "messageTime"
                            text: Theme.formatTime(entry.timestamp)
                            font.pixelSize: Theme.fontSizeSmall
                            color: Theme.bubbleMeta
                        }

                        DeliveryTicks {
                            visible: entry.isOwn
                            deliveryState: entry.deliveryState
                        }
                    }
                }
            }
        }

        // Why an own message failed, and a way to send it again.
        RowLayout {
            objectName: "failureRow"
            visible: entry.isOwn && entry.deliveryState === "failed"
            anchors.right: parent.right
            anchors.rightMargin: Theme.spacingHuge
            spacing: Theme.spacingSmall

            Label {
                objectName: "failureReason"
                text: entry.failureReason.length > 0 ? qsTr("Not sent: %1").arg(entry.failureReason) : qsTr("Not sent")
                color: Theme.danger
                font.pixelSize: Theme.fontSizeSmall + 1
            }

            Button {
                objectName: "retryButton"
                flat: true
                text: qsTr("Retry")
                font.pixelSize: Theme.fontSizeSmall + 1
                Accessible.name: qsTr("Retry sending")
                implicitHeight: 30
                topInset: 0
                bottomInset: 0
                onClicked: entry.retryRequested(entry.clientId)
            }
        }
    }
}
