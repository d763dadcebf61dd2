import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Parley

// Reports a message's sender, or a person, to the admins of the server: a reason, an optional
// comment, and in plain words what leaves this device (the chosen message's text, names).
// The client reads the text from its own cache and sends it (Chat.report); Client.reports
// says how it went.
ModalDialog {
    id: dialog

    required property Client client
    property Chat chat: null
    property real seq: 0 // > 0: a message of `chat`; else the person `userId`
    property real userId: 0
    property string personName
    property int reason: AbuseReporter.Spam

    readonly property AbuseReporter reports: client.reports
    readonly property bool sending: reports.state === AbuseReporter.Sending
    readonly property bool sent: reports.state === AbuseReporter.Sent

    objectName: "reportDialog"
    width: 460
    title: seq > 0 ? qsTr("Report message") : qsTr("Report %1").arg(personName)
    closePolicy: sending ? Popup.NoAutoClose : Popup.CloseOnEscape | Popup.CloseOnPressOutside

    function openForMessage(conversation, messageSeq, senderName) {
        chat = conversation
        seq = messageSeq
        userId = 0
        personName = senderName
        open()
    }

    function openForPerson(conversation, personId, name) {
        chat = conversation
        seq = 0
        userId = personId
        personName = name
        open()
    }

    function send() {
        if (seq > 0)
            chat.report([seq], reason, commentField.text)
        else if (chat)
            chat.reportMember(userId, reason, commentField.text)
        else
            client.reportUser(userId, reason, commentField.text)
    }

    onAboutToShow: {
        reports.reset()
        commentField.clear()
        reason = AbuseReporter.Spam
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: qsTr("Why are you reporting %1?").arg(dialog.personName)
            color: Theme.text
        }

        ButtonGroup {
            id: reasons
        }

        // The reasons, close together as one choice.
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 0

            Repeater {
                model: [
                    { value: AbuseReporter.Spam, name: "Spam", label: qsTr("Spam or scam") },
                    { value: AbuseReporter.Harassment, name: "Harassment", label: qsTr("Harassment or threats") },
                    { value: AbuseReporter.Illegal, name: "Illegal", label: qsTr("Illegal content") },
                    { value: AbuseReporter.Other, name: "Other", label: qsTr("Something else") }
                ]

                delegate: RadioButton {
                    required property var modelData

                    objectName: "reportReason" + modelData.name
                    Layout.fillWidth: true
                    ButtonGroup.group: reasons
                    text: modelData.label
                    enabled: !dialog.sending && !dialog.sent
                    checked: dialog.reason === modelData.value
                    Accessible.name: text
                    onToggled: dialog.reason = modelData.value
                }
        }
        }

        TextArea {
            id: commentField
            objectName: "reportComment"
            Layout.fillWidth: true
            Layout.preferredHeight: 80
            placeholderText: qsTr("Anything the admins should know (optional)")
            wrapMode: TextEdit.Wrap
            enabled: !dialog.sending && !dialog.sent
            Accessible.name: qsTr("Comment for the admins")
        }

        Label {
            objectName: "reportDisclosure"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.secondaryText
            text: dialog.seq > 0
                  ? qsTr("The selected message's text will be sent to the admins of this server, with your name, %1's name, this conversation and your comment. Nothing else from the conversation is sent, and %1 is not told.").arg(dialog.personName)
                  : qsTr("Your name, %1's name and your comment will be sent to the admins of this server. No message text is sent, and %1 is not told.").arg(dialog.personName)
        }

        Label {
            objectName: "reportStatus"
            Layout.fillWidth: true
            visible: text.length > 0
            wrapMode: Text.Wrap
            text: dialog.reports.statusText
            color: dialog.reports.state === AbuseReporter.Failed ? Theme.danger : Theme.text
            Accessible.name: text
        }
    }

    footer: Item {
        implicitHeight: buttons.implicitHeight + Theme.spacingLarge

        RowLayout {
            id: buttons
            anchors.right: parent.right
            anchors.rightMargin: Theme.spacingHuge
            anchors.top: parent.top
            spacing: Theme.spacing

            Button {
                objectName: "reportCancelButton"
                text: dialog.sent ? qsTr("Close") : qsTr("Cancel")
                flat: true
                enabled: !dialog.sending
                Accessible.name: text
                onClicked: dialog.close()
            }
            AccentButton {
                objectName: "sendReportButton"
                visible: !dialog.sent
                text: dialog.sending ? qsTr("Sending…") : qsTr("Send report")
                enabled: !dialog.sending
                Accessible.name: qsTr("Send report")
                onClicked: dialog.send()
            }
        }
    }
}
