import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Parley

// One entry of a conversation: an optional day separator, then either a membership note
// ("alice added bob") or a message bubble (own on the right) with the sender's name in
// groups, the time and, on own messages, the delivery ticks; a failed message says why
// and offers to retry. A reply shows a quote of what it answers (clicking it jumps there),
// reactions show as chips under the bubble (clicking one toggles mine), an edited message
// says so, a deleted one says only that. Mentioned members' "@name" is bold (TextMarkup); a
// message that mentions me has a bubble of its own colour with an accent edge. A file message shows its file (AttachmentChip) above
// its caption; an image also its thumbnail (from the message itself, no download), which opens
// the image viewer (imageClicked). The text can be selected; links in it ask before they open (linkClicked).
// Right-click or the hover button asks for the message menu (ConversationView
// owns it).
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
    required property int deliveryState
    required property string failureReason
    required property bool isSystem
    required property string systemText
    required property real replyToSeq
    required property string replySenderName
    required property string replySnippet
    required property var reactions
    required property bool edited
    required property bool deleted
    required property bool canReply
    required property bool canEdit
    required property string attachmentName
    required property real attachmentSize
    required property string attachmentMime
    required property string attachmentState
    required property real attachmentProgress
    required property url attachmentPath
    required property string formattedText
    required property url thumbnail
    required property int imageWidth
    required property int imageHeight
    required property bool mentionsMe

    readonly property bool isFile: attachmentName.length > 0
    readonly property bool isImage: isFile && thumbnail.toString().length > 0
    // What a quote of this entry shows (MessageContent::previewText's first line).
    readonly property string snippet: isFile ? "📎 " + attachmentName : text

    signal retryRequested(string messageClientId)
    signal menuRequested(Item anchor, real x, real y)
    signal quoteClicked(real quotedSeq)
    signal reactionClicked(string emoji)
    signal downloadRequested()
    signal openRequested()
    // The thumbnail of an image in the log was clicked: the viewer opens it.
    signal imageClicked()
    signal discardRequested(string messageClientId)
    // A link in the text was clicked (http, https or mailto: the only links it has).
    signal linkClicked(string link)

    function openMenu() {
        entry.menuRequested(menuButton, 0, menuButton.height)
    }

    readonly property real bubbleMaxWidth: Math.min(width * 0.72, 560)

    objectName: isSystem ? "systemMessage" : "message"
    implicitHeight: column.implicitHeight
    Accessible.role: Accessible.ListItem
    Accessible.name: isSystem ? systemText
                              : (isOwn ? qsTr("You: %1").arg(accessibleText) : qsTr("%1: %2").arg(senderName).arg(accessibleText))
    readonly property string accessibleText: isFile ? (text.length > 0 ? qsTr("file %1, %2").arg(attachmentName).arg(text)
                                                                       : qsTr("file %1").arg(attachmentName))
                                                    : text

    // Where the keyboard is in the message list (Up and Down move it, the menu key acts).
    Rectangle {
        objectName: "messageFocusFrame"
        anchors.fill: parent
        anchors.margins: -Theme.spacingTiny
        visible: entry.ListView.isCurrentItem && entry.ListView.view !== null
                 && entry.ListView.view.activeFocus
        color: "transparent"
        radius: Theme.radius
        border.width: 2
        border.color: Theme.accent
    }

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
            id: bubbleRow
            visible: !entry.isSystem
            width: parent.width
            height: visible ? bubble.height : 0

            HoverHandler {
                id: bubbleHover
            }

            TapHandler {
                acceptedButtons: Qt.RightButton
                enabled: entry.canReply
                onTapped: eventPoint => entry.menuRequested(bubbleRow, eventPoint.position.x,
                                                            eventPoint.position.y)
            }

            // The message's actions, next to the bubble while the pointer is over it.
            IconButton {
                id: menuButton
                objectName: "messageMenuButton"
                visible: entry.canReply && (bubbleHover.hovered || hovered || activeFocus)
                anchors.verticalCenter: bubble.verticalCenter
                anchors.right: entry.isOwn ? bubble.left : undefined
                anchors.left: entry.isOwn ? undefined : bubble.right
                anchors.margins: Theme.spacingSmall
                implicitWidth: 30
                implicitHeight: 30
                iconName: "more"
                toolTipText: qsTr("Message actions")
                onClicked: entry.openMenu()
            }

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
                color: entry.isOwn ? Theme.ownBubble : entry.mentionsMe ? Theme.mentionBubble : Theme.otherBubble
                // A failed message has a red edge; the one just shown (a quote's or a search
                // hit's target) an accent one.
                border.width: entry.deliveryState === States.Failed ? 1 : entry.ListView.isCurrentItem ? 2 : 0
                border.color: entry.deliveryState === States.Failed ? Theme.danger : Theme.accent

                // A flatter corner on the sender's side, where the bubble points.
                Rectangle {
                    width: Theme.bubbleRadius
                    height: Theme.bubbleRadius
                    anchors.bottom: parent.bottom
                    anchors.right: entry.isOwn ? parent.right : undefined
                    anchors.left: entry.isOwn ? undefined : parent.left
                    color: parent.color
                    visible: entry.deliveryState !== States.Failed
                    radius: 3
                }

                // The edge that marks a mention of me.
                Rectangle {
                    objectName: "mentionMark"
                    visible: entry.mentionsMe
                    anchors.left: parent.left
                    anchors.top: parent.top
                    anchors.bottom: parent.bottom
                    anchors.topMargin: Theme.spacing
                    anchors.bottomMargin: Theme.spacing
                    width: 3
                    radius: 1.5
                    color: Theme.accent
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

                    // What this replies to: who wrote it and its first line.
                    Rectangle {
                        id: quote
                        objectName: "replyQuote"
                        visible: entry.replyToSeq > 0
                        Layout.fillWidth: true
                        Layout.maximumWidth: entry.bubbleMaxWidth - Theme.spacingMedium * 2
                        implicitWidth: quoteColumn.implicitWidth + Theme.spacingMedium
                        implicitHeight: quoteColumn.implicitHeight + Theme.spacingSmall * 2
                        radius: 4
                        color: quoteMouse.containsMouse ? Qt.darker(bubble.color, 1.12) : Qt.darker(bubble.color, 1.06)
                        Accessible.role: Accessible.Button
                        Accessible.name: qsTr("Reply to %1: %2").arg(entry.replySenderName).arg(entry.replySnippet)

                        Rectangle {
                            width: 3
                            height: parent.height
                            radius: 1.5
                            color: Theme.accent
                        }

                        ColumnLayout {
                            id: quoteColumn
                            anchors.left: parent.left
                            anchors.right: parent.right
                            anchors.verticalCenter: parent.verticalCenter
                            anchors.leftMargin: Theme.spacing + 3
                            anchors.rightMargin: Theme.spacingSmall
                            spacing: 0

                            Label {
                                objectName: "replyQuoteSender"
                                Layout.fillWidth: true
                                visible: text.length > 0
                                text: entry.replySenderName
                                elide: Text.ElideRight
                                font.pixelSize: Theme.fontSizeSmall + 1
                                font.weight: Font.DemiBold
                                color: Theme.accent
                            }
                            Label {
                                objectName: "replyQuoteText"
                                Layout.fillWidth: true
                                text: entry.replySnippet
                                textFormat: Text.PlainText
                                elide: Text.ElideRight
                                maximumLineCount: 1
                                font.pixelSize: Theme.fontSizeSmall + 1
                                color: Theme.bubbleMeta
                            }
                        }

                        MouseArea {
                            id: quoteMouse
                            anchors.fill: parent
                            hoverEnabled: true
                            cursorShape: Qt.PointingHandCursor
                            onClicked: entry.quoteClicked(entry.replyToSeq)
                        }
                    }

                    // The thumbnail, in the image's proportions within a bounded box.
                    Item {
                        id: imagePreview
                        objectName: "messageImage"
                        visible: entry.isImage
                        readonly property real box: Math.min(280, entry.bubbleMaxWidth - Theme.spacingMedium * 2)
                        readonly property real ratio: entry.imageHeight > 0 ? entry.imageWidth / entry.imageHeight : 1
                        readonly property bool canOpen: entry.seq > 0
                        implicitWidth: visible ? Math.max(48, ratio >= 1 ? box : box * ratio) : 0
                        implicitHeight: visible ? Math.max(48, ratio >= 1 ? box / ratio : box) : 0
                        Layout.preferredWidth: implicitWidth
                        Layout.preferredHeight: implicitHeight
                        activeFocusOnTab: canOpen
                        Accessible.role: Accessible.Button
                        Accessible.name: qsTr("Image %1, %2 × %3 pixels. Open").arg(entry.attachmentName)
                                         .arg(entry.imageWidth).arg(entry.imageHeight)
                        Keys.onReturnPressed: if (canOpen) entry.imageClicked()
                        Keys.onSpacePressed: if (canOpen) entry.imageClicked()

                        Rectangle {
                            anchors.fill: parent
                            radius: 6
                            color: Qt.darker(bubble.color, 1.06)
                            border.width: imagePreview.activeFocus ? 2 : 0
                            border.color: Theme.accent
                        }

                        Image {
                            objectName: "thumbnailImage"
                            anchors.fill: parent
                            anchors.margins: imagePreview.activeFocus ? 2 : 0
                            source: entry.isImage ? entry.thumbnail : ""
                            fillMode: Image.PreserveAspectFit
                            smooth: true
                        }

                        MouseArea {
                            anchors.fill: parent
                            enabled: imagePreview.canOpen
                            cursorShape: Qt.PointingHandCursor
                            onClicked: entry.imageClicked()
                        }
                    }

                    AttachmentChip {
                        visible: entry.isFile
                        Layout.fillWidth: true
                        Layout.maximumWidth: entry.bubbleMaxWidth - Theme.spacingMedium * 2
                        name: entry.attachmentName
                        size: entry.attachmentSize
                        mime: entry.attachmentMime
                        state: entry.attachmentState
                        progress: entry.attachmentProgress
                        tint: bubble.color
                        onServer: entry.seq > 0
                        onDownloadRequested: entry.downloadRequested()
                        onOpenRequested: entry.openRequested()
                    }

                    // The text, selectable; its rich text comes from the model (TextMarkup:
                    // a few formats and http/https/mailto links, everything else escaped).
                    TextEdit {
                        id: messageText
                        objectName: "messageText"
                        visible: !entry.isFile || entry.text.length > 0
                        Layout.fillWidth: true
                        Layout.maximumWidth: entry.bubbleMaxWidth - Theme.spacingMedium * 2
                        text: entry.formattedText
                        textFormat: TextEdit.RichText
                        readOnly: true
                        selectByMouse: true
                        activeFocusOnPress: true
                        wrapMode: TextEdit.Wrap
                        font.pixelSize: Theme.fontSize
                        font.italic: entry.deleted
                        color: entry.deleted ? Theme.bubbleMeta
                                             : entry.isOwn ? Theme.ownBubbleText : Theme.otherBubbleText
                        selectionColor: Theme.accent
                        selectedTextColor: "white"
                        Accessible.role: Accessible.StaticText
                        Accessible.name: entry.text
                        onLinkActivated: link => entry.linkClicked(link)

                        HoverHandler {
                            cursorShape: messageText.hoveredLink.length > 0 ? Qt.PointingHandCursor : Qt.IBeamCursor
                        }
                    }

                    RowLayout {
                        id: metaRow
                        Layout.alignment: Qt.AlignRight
                        spacing: Theme.spacingSmall

                        Label {
                            objectName: "editedLabel"
                            visible: entry.edited
                            text: qsTr("edited")
                            font.pixelSize: Theme.fontSizeSmall
                            font.italic: true
                            color: Theme.bubbleMeta
                        }

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

        // Reactions: one chip per emoji with its count, highlighted when one of them is mine.
        Row {
            objectName: "reactionChips"
            visible: !entry.isSystem && entry.reactions.length > 0
            anchors.right: entry.isOwn ? parent.right : undefined
            anchors.left: entry.isOwn ? undefined : parent.left
            anchors.rightMargin: Theme.spacingHuge + Theme.spacing
            anchors.leftMargin: Theme.spacingHuge + Theme.spacing
            spacing: Theme.spacingSmall

            // A handful of chips at most: a Repeater over the row's own list.
            Repeater {
                model: entry.reactions

                delegate: Rectangle {
                    id: chip

                    required property var modelData

                    objectName: "reactionChip"
                    readonly property string text: modelData.emoji + " " + modelData.count
                    implicitWidth: chipLabel.implicitWidth + Theme.spacing * 2
                    implicitHeight: chipLabel.implicitHeight + Theme.spacingSmall * 2
                    radius: height / 2
                    color: modelData.mine ? Theme.selection : Theme.surface
                    border.color: modelData.mine ? Theme.accent : Theme.divider
                    Accessible.role: Accessible.Button
                    Accessible.name: modelData.mine
                                     ? qsTr("%1, %2 reactions, including yours").arg(modelData.emoji).arg(modelData.count)
                                     : qsTr("%1, %2 reactions").arg(modelData.emoji).arg(modelData.count)

                    Label {
                        id: chipLabel
                        anchors.centerIn: parent
                        text: chip.text
                        font.pixelSize: Theme.fontSizeSmall + 1
                        color: chip.modelData.mine ? Theme.accent : Theme.text
                    }

                    MouseArea {
                        anchors.fill: parent
                        cursorShape: Qt.PointingHandCursor
                        onClicked: entry.reactionClicked(chip.modelData.emoji)
                    }
                }
            }
        }

        // Why an own message failed, and a way to send it again.
        RowLayout {
            objectName: "failureRow"
            visible: entry.isOwn && entry.deliveryState === States.Failed
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

            Button {
                objectName: "discardButton"
                flat: true
                text: qsTr("Discard")
                font.pixelSize: Theme.fontSizeSmall + 1
                Accessible.name: entry.isFile ? qsTr("Discard %1").arg(entry.attachmentName) : qsTr("Discard this message")
                implicitHeight: 30
                topInset: 0
                bottomInset: 0
                onClicked: entry.discardRequested(entry.clientId)
            }
        }
    }
}
