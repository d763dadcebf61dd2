import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Parley

// Starts a direct chat with a username. The dialog stays open (busy) until the client
// opens the conversation or reports an error.
ModalDialog {
    id: dialog

    required property Client client
    property bool pending: false
    property string error

    objectName: "newChatDialog"
    width: 420
    focus: true
    title: qsTr("New chat")
    closePolicy: pending ? Popup.NoAutoClose : Popup.CloseOnEscape | Popup.CloseOnPressOutside

    function start() {
        const name = usernameField.text.trim()
        if (name.length === 0 || pending)
            return
        error = ""
        pending = true
        client.startDirectChat(name)
    }

    onAboutToShow: {
        usernameField.clear()
        error = ""
        pending = false
        usernameField.forceActiveFocus()
    }

    Connections {
        target: dialog.client
        enabled: dialog.pending

        function onConversationOpened(conversationId) {
            dialog.pending = false
            dialog.close()
        }

        function onErrorOccurred(code, message) {
            dialog.pending = false
            dialog.error = message
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: qsTr("Who do you want to talk to?")
            color: Theme.secondaryText
        }

        TextField {
            id: usernameField
            objectName: "newChatUsername"
            Layout.fillWidth: true
            placeholderText: qsTr("Username")
            enabled: !dialog.pending
            selectByMouse: true
            inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
            Accessible.name: qsTr("Username")
            onAccepted: dialog.start()
        }

        Label {
            objectName: "newChatError"
            Layout.fillWidth: true
            visible: dialog.error.length > 0
            text: dialog.error
            wrapMode: Text.Wrap
            color: Theme.danger
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
                objectName: "newChatCancelButton"
                text: qsTr("Cancel")
                flat: true
                enabled: !dialog.pending
                Accessible.name: text
                onClicked: dialog.close()
            }
            AccentButton {
                objectName: "startChatButton"
                text: dialog.pending ? qsTr("Starting…") : qsTr("Start chat")
                enabled: usernameField.text.trim().length > 0 && !dialog.pending
                Accessible.name: qsTr("Start chat")
                onClicked: dialog.start()
            }
        }
    }
}
