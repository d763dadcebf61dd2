import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Parley

// One open conversation: its header, the messages (a virtualised ListView that loads older
// pages as it nears the top and follows new messages while at the bottom), who is typing,
// and the composer. The message menu (reply, react, edit, delete, report) is shared by all
// rows; the report dialog serves it and the header's "Report" of a direct chat.
Rectangle {
    id: view

    required property Client client
    property real conversationId: -1
    property bool membersOpen: false
    readonly property Chat chat: conversationId >= 0 ? client.chat(conversationId) : null
    readonly property MessageListModel messages: chat ? chat.messages : null
    readonly property ConversationSecurity security: chat ? chat.security : null
    // The other person's presence, known only while connected.
    readonly property bool presenceKnown: client.state === Client.Online
    readonly property bool peerOnline: messages !== null && chat.online && presenceKnown
    // "last seen 5 minutes ago" moves on by itself: the time it is measured from.
    property date now: new Date()
    // Direct chats: whether I block the other person (re-read when the block list changes).
    readonly property bool peerBlocked: messages !== null && !chat.isGroup && chat.peerUserId > 0
                                        && client.blockedUsers.indexOf(chat.peerUserId) >= 0

    signal membersRequested()
    signal leaveRequested()
    signal safetyNumberRequested(real userId, string username)

    onChatChanged: now = new Date()

    Timer {
        interval: 30000
        repeat: true
        running: view.messages !== null && !view.chat.isGroup && !view.peerOnline
        onTriggered: view.now = new Date()
    }

    // Shows an entry (a reply's quote, a search hit): the model loads it from the cache if it
    // is older than what is shown, then says where it is.
    function showMessage(seq) {
        if (messages)
            messages.reveal(seq)
    }

    // The keyboard goes to the messages (a search hit opened: Up, Down and the menu key act
    // from there on).
    function focusMessages() {
        messageList.forceActiveFocus()
    }

    Connections {
        target: view.messages
        function onRevealed(row) {
            messageList.stickToBottom = false
            messageList.positionViewAtIndex(row, ListView.Center)
            messageList.currentIndex = row
        }
    }

    // Everything on screen is read once the window is in front.
    function markShownAsRead() {
        if (messages && Window.active)
            chat.markRead()
    }

    color: Theme.chat

    onMessagesChanged: {
        imageViewer.close()
        messageList.stickToBottom = true
        markShownAsRead()
        composer.reset()
        composer.focusInput()
    }
    // The first conversation opened shows the view after its messages were set.
    onVisibleChanged: {
        if (visible && messages)
            composer.focusInput()
    }

    Connections {
        target: view.Window.window
        function onActiveChanged() {
            view.markShownAsRead()
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        // Header: who this is, presence or typing, and the conversation's actions.
        Rectangle {
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.headerHeight
            color: Theme.header

            RowLayout {
                anchors.fill: parent
                anchors.leftMargin: Theme.spacingLarge
                anchors.rightMargin: Theme.spacing
                spacing: Theme.spacingMedium

                Avatar {
                    implicitWidth: Theme.smallAvatarSize + 4
                    implicitHeight: Theme.smallAvatarSize + 4
                    objectName: "conversationHeaderAvatar"
                    name: view.messages ? view.chat.title : ""
                    source: view.messages ? view.chat.avatarSource : ""
                    isGroup: view.messages ? view.chat.isGroup : false
                    showPresence: view.messages ? !view.chat.isGroup : false
                    online: view.peerOnline
                    ringColor: Theme.header
                }

                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 0

                    RowLayout {
                        Layout.fillWidth: true
                        spacing: Theme.spacingSmall

                        Label {
                            objectName: "conversationHeaderTitle"
                            Layout.fillWidth: !headerVerifiedMark.visible
                            text: view.messages ? view.chat.title : ""
                            elide: Text.ElideRight
                            font.pixelSize: Theme.fontSizeLarge
                            font.weight: Font.DemiBold
                            color: Theme.text
                        }

                        // A direct chat with someone I verified.
                        VerifiedMark {
                            id: headerVerifiedMark
                            objectName: "conversationHeaderVerified"
                            visible: view.messages !== null && !view.chat.isGroup
                                     && view.security !== null && view.security.othersVerified
                            name: view.messages ? view.chat.title : ""
                        }

                        Item { Layout.fillWidth: headerVerifiedMark.visible }
                    }

                    // A direct chat titled with the display name says whose username it is.
                    Label {
                        objectName: "conversationHeaderUsername"
                        Layout.fillWidth: true
                        elide: Text.ElideRight
                        font.pixelSize: Theme.fontSizeSmall + 1
                        color: Theme.secondaryText
                        visible: text.length > 0
                        text: view.messages && view.chat.peerUsername.length > 0
                              && view.chat.peerUsername !== view.chat.title
                              ? "@" + view.chat.peerUsername : ""
                    }

                    Label {
                        objectName: "conversationHeaderSubtitle"
                        Layout.fillWidth: true
                        elide: Text.ElideRight
                        font.pixelSize: Theme.fontSizeSmall + 1
                        visible: text.length > 0
                        color: view.peerOnline ? Theme.online : Theme.secondaryText
                        text: {
                            if (!view.messages)
                                return ""
                            let status = view.chat.isGroup
                                ? qsTr("Group")
                                : !view.presenceKnown ? ""
                                : view.peerOnline ? qsTr("Online")
                                // The time is withheld (they hide it, or I hide mine).
                                : view.chat.lastSeenHidden ? qsTr("last seen recently")
                                : Theme.formatLastSeen(view.chat.lastSeen, view.now)
                            if (!view.chat.canSend)
                                status = qsTr("You are no longer a member")
                            if (!view.chat.muted)
                                return status
                            return status.length > 0 ? qsTr("%1 · notifications muted").arg(status)
                                                     : qsTr("Notifications muted")
                        }
                    }

                    Label {
                        objectName: "disappearingTimerLabel"
                        Layout.fillWidth: true
                        elide: Text.ElideRight
                        font.pixelSize: Theme.fontSizeSmall + 1
                        visible: view.messages !== null && view.chat.timerSeconds > 0
                        color: Theme.secondaryText
                        text: view.messages ? qsTr("Disappearing: %1").arg(view.chat.timerText) : ""
                    }
                }

                IconButton {
                    objectName: "membersButton"
                    visible: view.messages !== null
                    iconName: view.messages && view.chat.isGroup ? "people" : "shield"
                    iconColor: view.membersOpen ? Theme.accent : Theme.secondaryText
                    toolTipText: view.messages && view.chat.isGroup ? qsTr("Group info") : qsTr("Chat info and safety number")
                    onClicked: view.membersRequested()
                }

                IconButton {
                    id: conversationMenuButton
                    objectName: "conversationMenuButton"
                    iconName: "more"
                    toolTipText: qsTr("Conversation menu")
                    onClicked: conversationMenu.open()

                    // The timers an admin can choose; the current one is checked.
                    PopupMenu {
                        id: timerMenu
                        objectName: "timerMenu"
                        y: conversationMenuButton.height
                        x: conversationMenuButton.width - width

                        Instantiator {
                            model: view.messages ? view.chat.timerOptions : []
                            delegate: MenuItem {
                                required property var modelData
                                objectName: "timerOption" + modelData.seconds
                                text: modelData.text
                                checkable: true
                                checked: view.messages !== null && view.chat.timerSeconds === modelData.seconds
                                Accessible.name: qsTr("Disappearing messages: %1").arg(modelData.text)
                                onTriggered: view.chat.setTimer(modelData.seconds)
                            }
                            onObjectAdded: (index, object) => timerMenu.insertItem(index, object)
                            onObjectRemoved: (index, object) => timerMenu.removeItem(object)
                        }
                    }

                    PopupMenu {
                        id: conversationMenu
                        y: conversationMenuButton.height
                        x: conversationMenuButton.width - width

                        MenuItem {
                            objectName: "headerMuteMenuItem"
                            text: view.messages && view.chat.muted ? qsTr("Unmute notifications") : qsTr("Mute notifications")
                            Accessible.name: text
                            onTriggered: view.chat.setMuted(!view.chat.muted)
                        }
                        MenuItem {
                            objectName: "headerMembersMenuItem"
                            text: view.messages && view.chat.isGroup ? qsTr("Members and safety numbers…") : qsTr("Verify safety number…")
                            Accessible.name: text
                            onTriggered: view.membersRequested()
                        }
                        MenuItem {
                            objectName: "headerExportMenuItem"
                            text: qsTr("Export chat…")
                            Accessible.name: text
                            onTriggered: chatExport.open()
                        }
                        MenuItem {
                            objectName: "headerTimerMenuItem"
                            visible: view.messages !== null && view.chat.canSetTimer
                            height: visible ? implicitHeight : 0
                            text: qsTr("Disappearing messages…")
                            Accessible.name: text
                            onTriggered: timerMenu.open()
                        }
                        MenuItem {
                            objectName: "blockMenuItem"
                            visible: view.messages !== null && !view.chat.isGroup && view.chat.peerUserId > 0
                            height: visible ? implicitHeight : 0
                            text: view.peerBlocked ? qsTr("Unblock") : qsTr("Block")
                            Accessible.name: view.peerBlocked ? qsTr("Unblock %1").arg(view.messages ? view.chat.title : "")
                                                              : qsTr("Block %1").arg(view.messages ? view.chat.title : "")
                            onTriggered: {
                                if (view.peerBlocked)
                                    view.client.unblockUser(view.chat.peerUserId)
                                else
                                    view.client.blockUser(view.chat.peerUserId)
                            }
                        }
                        MenuItem {
                            objectName: "headerReportMenuItem"
                            visible: view.messages !== null && !view.chat.isGroup && view.chat.peerUserId > 0
                            height: visible ? implicitHeight : 0
                            text: qsTr("Report…")
                            Accessible.name: qsTr("Report %1").arg(view.messages ? view.chat.title : "")
                            onTriggered: reportDialog.openForPerson(view.chat, view.chat.peerUserId,
                                                                    view.chat.title)
                        }
                        MenuItem {
                            objectName: "headerLeaveMenuItem"
                            visible: view.messages !== null && view.chat.isGroup && view.chat.canSend
                            height: visible ? implicitHeight : 0
                            text: qsTr("Leave group…")
                            Accessible.name: text
                            onTriggered: view.leaveRequested()
                        }
                    }
                }
            }

            Rectangle {
                anchors.bottom: parent.bottom
                width: parent.width
                height: 1
                color: Theme.divider
            }
        }

        // Someone's security keys changed: sending here waits until the user has looked.
        Banner {
            objectName: "keyChangeBanner"
            Layout.fillWidth: true
            visible: view.security !== null && view.security.hasKeyChange
            iconName: "shield"
            tone: "danger"
            text: view.security ? view.security.keyChangeWarning : ""
            actionText: qsTr("Compare safety numbers…")
            onActionTriggered: view.safetyNumberRequested(view.security.changedUserIds[0],
                                                          view.security.changedUsernames[0])
        }

        // The messages.
        ListView {
            id: messageList
            objectName: "messageList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: view.messages
            spacing: Theme.spacingSmall
            topMargin: Theme.spacingLarge
            bottomMargin: Theme.spacingLarge
            boundsBehavior: Flickable.StopAtBounds
            cacheBuffer: 600
            activeFocusOnTab: true
            Accessible.name: qsTr("Messages")
            Accessible.role: Accessible.List

            // Follow new messages while the user is at the bottom; stop when they scroll up.
            property bool stickToBottom: true
            readonly property bool nearBottom: contentY + height >= originY + contentHeight + bottomMargin - 48

            function scrollToEnd() {
                positionViewAtEnd()
            }

            // Older pages come from the model's fetchMore (cache first, then the server).
            // The parent of a list model's rows is the invalid index: index(-1, -1).
            function fetchOlderIfNearTop() {
                if (!view.messages || contentY - originY > height)
                    return
                const root = view.messages.index(-1, -1)
                if (view.messages.canFetchMore(root))
                    view.messages.fetchMore(root)
            }

            // Only the user's own scrolling (drag, flick, wheel, scroll bar) changes whether the
            // view follows new messages; the view's own moves (resizes, bounds) do not.
            onContentYChanged: {
                if (moving || verticalScrollBar.pressed)
                    stickToBottom = nearBottom
                fetchOlderIfNearTop()
            }
            onMovementEnded: stickToBottom = nearBottom
            onContentHeightChanged: {
                if (stickToBottom)
                    Qt.callLater(scrollToEnd)
            }
            onHeightChanged: {
                if (stickToBottom)
                    Qt.callLater(scrollToEnd)
            }
            onCountChanged: {
                if (stickToBottom)
                    Qt.callLater(scrollToEnd)
                view.markShownAsRead()
                Qt.callLater(fetchOlderIfNearTop)
            }

            ScrollBar.vertical: ScrollBar {
                id: verticalScrollBar
            }

            highlightFollowsCurrentItem: false
            currentIndex: -1

            // The keyboard: Tab into the list lands on the newest entry, Up and Down move
            // (the list's own key navigation), the menu key, Shift+F10 or Enter opens the
            // entry's message menu.
            onModelChanged: currentIndex = -1
            onActiveFocusChanged: {
                if (activeFocus && (currentIndex < 0 || currentIndex >= count))
                    currentIndex = count - 1
            }
            onCurrentIndexChanged: {
                if (activeFocus && currentIndex >= 0)
                    positionViewAtIndex(currentIndex, ListView.Contain)
            }
            Keys.onPressed: event => {
                const menuKey = event.key === Qt.Key_Menu
                    || (event.key === Qt.Key_F10 && (event.modifiers & Qt.ShiftModifier))
                    || event.key === Qt.Key_Return || event.key === Qt.Key_Enter
                if (menuKey && currentItem && currentItem.canReply) {
                    currentItem.openMenu()
                    event.accepted = true
                }
            }

            delegate: MessageDelegate {
                id: delegate
                width: ListView.view.width
                onRetryRequested: messageClientId => view.chat.retry(messageClientId)
                onQuoteClicked: quotedSeq => view.showMessage(quotedSeq)
                onReactionClicked: emoji => view.chat.toggleReaction(delegate.seq, emoji)
                onDownloadRequested: view.chat.downloadAttachment(delegate.seq)
                onOpenRequested: view.chat.openAttachment(delegate.seq)
                onImageClicked: imageViewer.show(delegate.seq)
                onDiscardRequested: messageClientId => view.chat.discard(messageClientId)
                onLinkClicked: link => {
                    linkDialog.address = link
                    linkDialog.open()
                }
                onMenuRequested: (anchor, x, y) => {
                    messageMenu.seq = delegate.seq
                    messageMenu.messageText = delegate.text
                    messageMenu.senderName = delegate.isOwn ? qsTr("You") : delegate.senderName
                    messageMenu.snippet = delegate.snippet
                    messageMenu.canEdit = delegate.canEdit
                    messageMenu.canReport = delegate.canReply && !delegate.isOwn
                    messageMenu.popup(anchor, x, y)
                }
            }


            RoundButton {
                objectName: "jumpToLatestButton"
                anchors.right: parent.right
                anchors.bottom: parent.bottom
                anchors.margins: Theme.spacingLarge
                visible: !messageList.stickToBottom && !messageList.nearBottom
                width: 44
                height: 44
                Accessible.name: qsTr("Jump to the latest message")
                background: Rectangle {
                    radius: width / 2
                    color: parent.hovered ? Theme.hover : Theme.surface
                    border.color: Theme.divider
                }
                onClicked: {
                    messageList.stickToBottom = true
                    messageList.scrollToEnd()
                }

                Icon {
                    anchors.centerIn: parent
                    name: "back"
                    rotation: -90
                    color: Theme.text
                }
            }

            // Files dropped on the conversation are sent, one file message each.
            DropArea {
                id: dropArea
                objectName: "conversationDropArea"
                anchors.fill: parent
                enabled: composer.inputShown
                keys: ["text/uri-list"]
                onDropped: drop => {
                    if (!drop.hasUrls)
                        return
                    for (const url of drop.urls)
                        view.chat.sendFile(url)
                    drop.acceptProposedAction()
                }

                Rectangle {
                    objectName: "dropHint"
                    anchors.fill: parent
                    anchors.margins: Theme.spacing
                    visible: dropArea.containsDrag
                    radius: 12
                    color: Qt.rgba(Theme.accent.r, Theme.accent.g, Theme.accent.b, 0.08)
                    border.color: Theme.accent
                    border.width: 2

                    Label {
                        anchors.centerIn: parent
                        text: qsTr("Drop files to send them")
                        color: Theme.accent
                        font.pixelSize: Theme.fontSizeLarge
                    }
                }
            }

            Label {
                objectName: "noMessagesLabel"
                anchors.centerIn: parent
                visible: messageList.count === 0
                text: view.messages && view.chat.isGroup
                      ? qsTr("No messages yet. Say hello to the group!")
                      : qsTr("No messages yet. Say hello!")
                color: Theme.secondaryText
            }
        }

        // Who is typing (the client expires it).
        Label {
            objectName: "typingIndicator"
            Layout.fillWidth: true
            Layout.leftMargin: Theme.spacingHuge
            Layout.preferredHeight: 20
            text: view.messages ? view.chat.typingText : ""
            font.italic: true
            font.pixelSize: Theme.fontSizeSmall + 1
            color: Theme.secondaryText
            elide: Text.ElideRight
            Accessible.name: text
        }

        Composer {
            id: composer
            Layout.fillWidth: true
            client: view.client
            chat: view.chat
            messages: view.messages
            conversationId: view.conversationId
            canSend: view.messages !== null && view.chat.canSend
            blockedName: view.peerBlocked ? view.chat.title : ""
            onEmojiRequested: {
                emojiPicker.reactSeq = 0
                emojiPicker.open()
            }
        }
    }

    ChatExport {
        id: chatExport
        client: view.client
        conversationId: view.conversationId
    }

    MessageMenu {
        id: messageMenu
        onReactChosen: emoji => view.chat.toggleReaction(seq, emoji)
        onMoreReactionsChosen: {
            emojiPicker.reactSeq = seq
            emojiPicker.open()
        }
        onReplyChosen: composer.startReply(seq, senderName, snippet)
        onCopyChosen: view.client.copyText(messageText)
        onEditChosen: composer.startEdit(seq, messageText)
        onDeleteChosen: {
            deleteDialog.seq = seq
            deleteDialog.open()
        }
        onReportChosen: reportDialog.openForMessage(view.chat, seq, senderName)
    }

    ReportDialog {
        id: reportDialog
        client: view.client
        onClosed: composer.focusInput()
    }

    // Any emoji: a reaction on reactSeq (the message menu's "+"), or into the composer.
    EmojiPicker {
        id: emojiPicker
        property real reactSeq: 0
        model: view.client.emoji
        countsAsUse: reactSeq <= 0
        onChosen: emoji => {
            if (reactSeq > 0)
                view.chat.react(reactSeq, emoji)
            else
                composer.insertText(emoji)
        }
        onClosed: {
            reactSeq = 0
            composer.focusInput()
        }
    }

    ModalDialog {
        id: deleteDialog
        objectName: "deleteMessageDialog"
        property real seq: 0
        title: qsTr("Delete for everyone?")
        width: 420

        Label {
            width: parent.width
            wrapMode: Text.Wrap
            text: qsTr("The message is replaced by \u201cThis message was deleted\u201d for everyone in this conversation, and its text is erased from their devices once they receive the deletion.")
            color: Theme.secondaryText
        }

        footer: DialogButtons {
            Button {
                objectName: "confirmDeleteButton"
                text: qsTr("Delete")
                flat: true
                Material.foreground: Theme.danger
                Accessible.name: qsTr("Delete for everyone")
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
            Button {
                objectName: "cancelDeleteButton"
                text: qsTr("Cancel")
                flat: true
                Accessible.name: text
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            }
        }

        onAccepted: view.chat.deleteMessage(seq)
        onClosed: composer.focusInput()
    }

    // A link opens only after the user saw its whole address: a link's text can hide where it
    // really goes, and a click on a chat message should never open something by surprise.
    ModalDialog {
        id: linkDialog
        objectName: "openLinkDialog"
        property string address
        title: qsTr("Open this link?")
        width: 460

        Column {
            width: parent.width
            spacing: Theme.spacing

            Label {
                width: parent.width
                wrapMode: Text.Wrap
                text: qsTr("Parley will hand this address to your browser or mail app:")
                color: Theme.secondaryText
            }
            Label {
                objectName: "linkAddress"
                width: parent.width
                wrapMode: Text.WrapAnywhere
                textFormat: Text.PlainText
                text: linkDialog.address
                font.family: "monospace"
                color: Theme.text
            }
        }

        footer: DialogButtons {
            Button {
                objectName: "openLinkButton"
                text: qsTr("Open")
                flat: true
                Accessible.name: qsTr("Open the link")
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
            Button {
                objectName: "cancelLinkButton"
                text: qsTr("Cancel")
                flat: true
                Accessible.name: text
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            }
        }

        onAccepted: view.client.openLink(address)
        onClosed: composer.focusInput()
    }

    // An image message's picture over the whole window (its thumbnail was clicked).
    ImageViewer {
        id: imageViewer
        chat: view.chat
        onClosed: composer.focusInput()
    }
}
