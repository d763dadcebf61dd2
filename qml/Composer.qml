import QtQuick
import QtQuick.Controls
import Qt.labs.platform as Platform
import QtQuick.Layouts
import Parley

// Where a message is written: Enter sends, Shift+Enter starts a new line. Typing is
// reported to the client, which rate-limits and expires it. A bar above the field shows a
// reply being written ("Replying to …") or a message being edited; Escape cancels either,
// and Up in an empty field edits my last message. The paperclip picks files to send; text
// already typed becomes the first file's caption. The smiley opens the emoji picker, whose
// choice goes in at the cursor (insertText). In a group, "@" and the first letters of a name
// open a list of the members it may mention (Chat.mentionCandidates): Up/Down choose, Enter
// or Tab puts "@username " in, Escape closes the list.
Rectangle {
    id: composer

    required property Client client
    property Chat chat: null
    property MessageListModel messages: null
    property real conversationId: -1
    property bool canSend: true
    // The other person of a direct chat when I block them: a notice replaces the input.
    property string blockedName
    readonly property bool inputShown: canSend && blockedName.length === 0

    // What Enter does: a new message, a reply to replyToSeq, or an edit of editSeq.
    property real replyToSeq: 0
    property string replySender
    property string replySnippet
    property real editSeq: 0

    function send() {
        const text = input.text.trim()
        if (text.length === 0 || !inputShown)
            return
        if (editSeq > 0)
            chat.editMessage(editSeq, text)
        else if (replyToSeq > 0)
            chat.sendReply(replyToSeq, text)
        else
            chat.sendText(text)
        const wasEdit = editSeq > 0
        cancelMode()
        if (!wasEdit)
            input.clear()
    }

    signal emojiRequested()

    // The mention being typed: where its "@" is, the members it may name, the one chosen.
    property int mentionStart: -1
    property var mentionCandidates: []
    property int mentionIndex: 0
    // Escape closed the list for what was typed (its "@" position and letters) until more is.
    property string mentionDismissed
    readonly property bool mentioning: mentionCandidates.length > 0

    function updateMentions() {
        const before = input.text.substring(0, input.cursorPosition)
        // An "@" that starts a word, then the letters typed so far.
        const match = chat && chat.isGroup && editSeq === 0
                ? /(^|[^A-Za-z0-9_@.\-])@([A-Za-z0-9_.\-]+)$/.exec(before) : null
        const start = match ? input.cursorPosition - match[2].length - 1 : -1
        if (!match || start + ":" + match[2] === mentionDismissed) {
            if (!match)
                mentionDismissed = ""
            mentionStart = -1
            mentionCandidates = []
            return
        }
        const candidates = chat.mentionCandidates(match[2])
        if (start !== mentionStart || mentionIndex >= candidates.length)
            mentionIndex = 0
        mentionStart = start
        mentionCandidates = candidates
    }

    // Replaces the "@" and the letters typed with the whole name and a space.
    function pickMention(index) {
        if (index < 0 || index >= mentionCandidates.length || mentionStart < 0)
            return
        const inserted = "@" + mentionCandidates[index].username + " "
        const start = mentionStart
        input.remove(start, input.cursorPosition)
        input.insert(start, inserted)
        input.cursorPosition = start + inserted.length
        mentionStart = -1
        mentionCandidates = []
        focusInput()
    }

    function dismissMentions() {
        mentionDismissed = mentionStart + ":" + input.text.substring(mentionStart + 1, input.cursorPosition)
        mentionStart = -1
        mentionCandidates = []
    }

    // Puts `text` where the cursor is (over a selection) and keeps writing after it.
    function insertText(text) {
        if (!inputShown)
            return
        if (input.selectedText.length > 0)
            input.remove(input.selectionStart, input.selectionEnd)
        const at = input.cursorPosition
        input.insert(at, text)
        input.cursorPosition = at + text.length
        focusInput()
    }

    function startReply(seq, sender, snippet) {
        if (editSeq > 0)
            cancelMode()
        replyToSeq = seq
        replySender = sender
        replySnippet = snippet
        focusInput()
    }

    Popup {
        id: mentionPopup
        objectName: "mentionPopup"
        visible: composer.mentioning && composer.inputShown
        x: Theme.spacingLarge + 96
        y: -height - Theme.spacingSmall
        width: 240
        padding: Theme.spacingSmall
        // The keyboard stays in the message field, which forwards Up, Down, Enter and Escape.
        focus: false
        closePolicy: Popup.NoAutoClose
        background: Rectangle {
            radius: 8
            color: Theme.surface
            border.color: Theme.divider
        }

        contentItem: ListView {
            id: mentionList
            implicitHeight: contentHeight
            interactive: false
            model: composer.mentionCandidates
            currentIndex: composer.mentionIndex
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Members to mention")

            delegate: ItemDelegate {
                id: candidate
                required property var modelData
                required property int index
                objectName: "mentionCandidate_" + modelData.username
                width: ListView.view.width
                highlighted: index === composer.mentionIndex
                // The name they gave themselves, then the username that goes in.
                text: modelData.displayName ? qsTr("%1  @%2").arg(modelData.displayName).arg(modelData.username)
                                            : "@" + modelData.username
                font.pixelSize: Theme.fontSize
                focusPolicy: Qt.NoFocus
                Accessible.name: qsTr("Mention %1").arg(modelData.displayName ? modelData.displayName : modelData.username)
                onClicked: composer.pickMention(index)
            }
        }
    }

    function startEdit(seq, text) {
        replyToSeq = 0
        editSeq = seq
        input.text = text
        input.cursorPosition = input.length
        focusInput()
    }

    // Leaves reply or edit mode; true if there was one to leave.
    // After an edit the input shows the draft again.
    function cancelMode() {
        const had = replyToSeq > 0 || editSeq > 0
        const wasEdit = editSeq > 0
        replyToSeq = 0
        editSeq = 0
        if (wasEdit)
            showDraft()
        return had
    }

    // Another conversation: its own draft (Chat.draft), no reply or edit.
    function reset() {
        replyToSeq = 0
        editSeq = 0
        showDraft()
    }

    // Showing a draft is not typing: it is neither stored again nor announced as typing.
    property bool showingDraft: false
    function showDraft() {
        const draft = chat ? chat.draft : ""
        if (input.text !== draft) {
            showingDraft = true
            input.text = draft
            input.cursorPosition = input.length
            showingDraft = false
        }
    }

    // The stored draft arrives after the conversation opened (the cache answers later).
    Connections {
        target: composer.chat
        function onDraftChanged() {
            if (composer.editSeq === 0)
                composer.showDraft()
        }
    }

    // Only when shown: a hidden composer holding the keyboard focus would keep its cursor
    // blinking, repainting the window twice a second while nothing is on screen to change.
    function focusInput() {
        if (composer.visible)
            input.forceActiveFocus()
    }

    function sendFiles(urls) {
        if (!inputShown || urls.length === 0)
            return
        const caption = editSeq > 0 ? "" : input.text.trim()
        for (let i = 0; i < urls.length; ++i)
            chat.sendFile(urls[i], i === 0 ? caption : "")
        if (caption.length > 0) {
            cancelMode()
            input.clear()
        }
        focusInput()
    }

    // Qt.labs.platform, not QtQuick.Dialogs: the desktop's own dialog, else (the app is a
    // QApplication) the Qt Widgets one. QtQuick.Dialogs' QML fallback needs
    // qml6-module-qt-labs-folderlistmodel on Debian 12, and Qt 6.4 crashes in open() when that
    // is missing (QQuickFileDialogImpl::selectedFile).
    Platform.FileDialog {
        id: fileDialog
        objectName: "attachFileDialog"
        title: qsTr("Attach a file")
        fileMode: Platform.FileDialog.OpenFiles
        onAccepted: composer.sendFiles(files)
        onRejected: composer.focusInput()
    }

    implicitHeight: inputShown ? Math.min(inputScroll.implicitHeight, 180) + Theme.spacingMedium * 2 + (modeBar.visible ? modeBar.height : 0)
                               : (canSend ? blockedNotice.implicitHeight : notMember.implicitHeight) + Theme.spacingLarge * 2
    color: Theme.header

    Rectangle {
        width: parent.width
        height: 1
        color: Theme.divider
    }

    Label {
        id: notMember
        objectName: "notMemberLabel"
        visible: !composer.canSend
        anchors.centerIn: parent
        text: qsTr("You can no longer send messages here: you are not a member of this group.")
        color: Theme.secondaryText
    }

    Label {
        id: blockedNotice
        objectName: "blockedNotice"
        visible: composer.canSend && composer.blockedName.length > 0
        anchors.centerIn: parent
        width: Math.min(implicitWidth, parent.width - Theme.spacingLarge * 2)
        wrapMode: Text.Wrap
        text: qsTr("You blocked %1. Unblock to send messages.").arg(composer.blockedName)
        color: Theme.secondaryText
        Accessible.name: text
    }

    // Replying to … / Editing message, with a way out.
    Item {
        id: modeBar
        objectName: composer.editSeq > 0 ? "editBar" : "replyBar"
        visible: composer.inputShown && (composer.replyToSeq > 0 || composer.editSeq > 0)
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.leftMargin: Theme.spacingLarge
        anchors.rightMargin: Theme.spacingMedium
        height: visible ? 44 : 0

        Rectangle {
            x: 0
            anchors.verticalCenter: parent.verticalCenter
            width: 3
            height: parent.height - Theme.spacingMedium
            radius: 1.5
            color: Theme.accent
        }

        ColumnLayout {
            anchors.left: parent.left
            anchors.right: cancelModeButton.left
            anchors.verticalCenter: parent.verticalCenter
            anchors.leftMargin: Theme.spacingMedium
            spacing: 0

            Label {
                objectName: "modeBarTitle"
                Layout.fillWidth: true
                text: composer.editSeq > 0 ? qsTr("Editing message")
                                           : qsTr("Replying to %1").arg(composer.replySender)
                elide: Text.ElideRight
                font.pixelSize: Theme.fontSizeSmall + 1
                font.weight: Font.DemiBold
                color: Theme.accent
            }
            Label {
                objectName: "modeBarText"
                Layout.fillWidth: true
                visible: composer.replyToSeq > 0
                text: composer.replySnippet
                textFormat: Text.PlainText
                elide: Text.ElideRight
                maximumLineCount: 1
                font.pixelSize: Theme.fontSizeSmall + 1
                color: Theme.secondaryText
            }
        }

        IconButton {
            id: cancelModeButton
            objectName: composer.editSeq > 0 ? "cancelEditButton" : "cancelReplyButton"
            anchors.right: parent.right
            anchors.verticalCenter: parent.verticalCenter
            iconName: "close"
            toolTipText: composer.editSeq > 0 ? qsTr("Cancel editing (Escape)") : qsTr("Cancel reply (Escape)")
            onClicked: {
                composer.cancelMode()
                composer.focusInput()
            }
        }
    }

    RowLayout {
        visible: composer.inputShown
        anchors.fill: parent
        anchors.topMargin: Theme.spacingMedium + modeBar.height
        anchors.leftMargin: Theme.spacingLarge
        anchors.rightMargin: Theme.spacingMedium
        anchors.bottomMargin: Theme.spacingMedium
        spacing: Theme.spacing

        IconButton {
            objectName: "attachButton"
            Layout.alignment: Qt.AlignBottom
            Layout.bottomMargin: 4
            iconName: "paperclip"
            toolTipText: qsTr("Attach a file")
            enabled: composer.editSeq <= 0
            onClicked: fileDialog.open()
        }

        IconButton {
            objectName: "composerEmojiButton"
            Layout.alignment: Qt.AlignBottom
            Layout.bottomMargin: 4
            iconName: "smile"
            toolTipText: qsTr("Insert an emoji")
            onClicked: composer.emojiRequested()
        }

        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            radius: 20
            color: Theme.chat
            border.color: input.activeFocus ? Theme.accent : Theme.divider
            border.width: input.activeFocus ? 1.5 : 1

            ScrollView {
                id: inputScroll
                anchors.fill: parent
                anchors.leftMargin: Theme.spacingMedium
                anchors.rightMargin: Theme.spacingSmall
                implicitHeight: input.implicitHeight

                TextArea {
                    id: input
                    objectName: "composerInput"
                    placeholderText: qsTr("Write a message…")
                    wrapMode: TextEdit.Wrap
                    textFormat: TextEdit.PlainText
                    selectByMouse: true
                    font.pixelSize: Theme.fontSize
                    color: Theme.text
                    topPadding: 10
                    bottomPadding: 10
                    leftPadding: 0
                    rightPadding: 0
                    background: null
                    Accessible.name: qsTr("Message")

                    Keys.onTabPressed: event => {
                        if (composer.mentioning) {
                            composer.pickMention(composer.mentionIndex)
                            event.accepted = true
                        } else {
                            event.accepted = false
                        }
                    }
                    Keys.onDownPressed: event => {
                        if (composer.mentioning) {
                            composer.mentionIndex = (composer.mentionIndex + 1) % composer.mentionCandidates.length
                            event.accepted = true
                        } else {
                            event.accepted = false
                        }
                    }
                    Keys.onReturnPressed: event => {
                        if (composer.mentioning && !(event.modifiers & Qt.ShiftModifier)) {
                            composer.pickMention(composer.mentionIndex)
                            event.accepted = true
                        } else if (event.modifiers & Qt.ShiftModifier) {
                            event.accepted = false
                        } else {
                            composer.send()
                            event.accepted = true
                        }
                    }
                    Keys.onEnterPressed: event => {
                        if (composer.mentioning && !(event.modifiers & Qt.ShiftModifier)) {
                            composer.pickMention(composer.mentionIndex)
                            event.accepted = true
                        } else if (event.modifiers & Qt.ShiftModifier) {
                            event.accepted = false
                        } else {
                            composer.send()
                            event.accepted = true
                        }
                    }
                    Keys.onEscapePressed: event => {
                        if (composer.mentioning) {
                            composer.dismissMentions()
                            event.accepted = true
                        } else {
                            event.accepted = composer.cancelMode()
                        }
                    }
                    Keys.onUpPressed: event => {
                        if (composer.mentioning) {
                            const count = composer.mentionCandidates.length
                            composer.mentionIndex = (composer.mentionIndex + count - 1) % count
                            event.accepted = true
                            return
                        }
                        // Like Slack and Telegram: Up in an empty field edits my last message.
                        const last = text.length === 0 && composer.messages ? composer.messages.lastEditable() : null
                        if (last && last.seq !== undefined) {
                            composer.startEdit(last.seq, last.text)
                            event.accepted = true
                        } else {
                            event.accepted = false
                        }
                    }
                    onCursorPositionChanged: composer.updateMentions()
                    onTextChanged: {
                        composer.updateMentions()
                        if (!composer.chat || composer.showingDraft)
                            return
                        if (composer.editSeq === 0)
                            composer.chat.draft = text
                        composer.chat.setTyping(text.length > 0)
                    }
                }
            }
        }

        RoundButton {
            objectName: "sendButton"
            Layout.alignment: Qt.AlignBottom
            Layout.preferredWidth: 44
            Layout.preferredHeight: 44
            enabled: input.text.trim().length > 0
            focusPolicy: Qt.TabFocus
            background: Rectangle {
                radius: width / 2
                color: !parent.enabled ? Theme.divider
                     : parent.down ? Qt.darker(Theme.accent, 1.15)
                     : parent.hovered ? Qt.lighter(Theme.accent, 1.08) : Theme.accent
                border.width: parent.visualFocus ? 2 : 0
                border.color: Theme.text
            }
            Accessible.name: composer.editSeq > 0 ? qsTr("Save edit") : qsTr("Send")
            ToolTip.visible: hovered
            ToolTip.delay: 600
            ToolTip.text: composer.editSeq > 0 ? qsTr("Save (Enter)") : qsTr("Send (Enter)")
            onClicked: composer.send()

            Icon {
                anchors.centerIn: parent
                anchors.horizontalCenterOffset: 1
                name: "send"
                color: parent.enabled ? Theme.textOnAccent : Theme.secondaryText
            }
        }
    }
}
