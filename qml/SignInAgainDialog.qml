import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Parley

// Signed out by the server: the user logs in again as the same person, which makes this
// computer a new device. The history stays readable and what is waiting in the outbox is sent.
ModalDialog {
    id: dialog

    required property Client client

    objectName: "signInAgainDialog"
    width: Math.min(480, Overlay.overlay ? Overlay.overlay.width - 48 : 480)
    title: qsTr("Sign in again")

    onOpened: {
        passwordField.text = ""
        passwordField.forceActiveFocus()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacingMedium

        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: qsTr("Enter the password of %1 on %2. This computer becomes a new device; your history stays here and your unsent messages are sent.")
                  .arg(dialog.client.username).arg(dialog.client.serverUrl)
            color: Theme.text
        }

        TextField {
            id: passwordField
            objectName: "signInAgainPassword"
            Layout.fillWidth: true
            placeholderText: qsTr("Password")
            echoMode: TextInput.Password
            Accessible.name: qsTr("Password")
            onAccepted: dialog.accept()
        }
    }

    footer: DialogButtons {
        Button {
            objectName: "cancelSignInAgainButton"
            text: qsTr("Cancel")
            flat: true
            Accessible.name: text
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
        AccentButton {
            objectName: "signInAgainButton"
            text: qsTr("Sign in")
            enabled: passwordField.text.length > 0
            Accessible.name: text
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
        }
    }

    onAccepted: client.signInAgain(passwordField.text)
}
