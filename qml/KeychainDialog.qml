import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Parley

// Shown when there is no usable OS keychain to keep the login and keys in. Parley never stores
// them in a plain file instead: the user may protect them with a passphrase, continue with a
// login that is forgotten when Parley quits, or log out.
ModalDialog {
    id: dialog

    required property Client client

    signal passphraseRequested()

    objectName: "keychainDialog"
    width: Math.min(520, Overlay.overlay ? Overlay.overlay.width - 48 : 520)
    closePolicy: Popup.NoAutoClose
    title: qsTr("Your login cannot be saved")

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacingMedium

        RowLayout {
            spacing: Theme.spacingMedium

            Icon {
                Layout.alignment: Qt.AlignTop
                implicitWidth: 32
                implicitHeight: 32
                name: "key"
                color: Theme.warning
            }

            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: qsTr("Parley keeps your login and keys in the system keychain, and none is available. Protect them with a passphrase instead, or continue without saving: then you will have to log in again the next time you start Parley.")
                color: Theme.text
            }
        }

        Label {
            objectName: "keychainDetails"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: dialog.client.keychainProblem
            textFormat: Text.PlainText
            font.pixelSize: Theme.fontSizeSmall + 1
            color: Theme.secondaryText
        }
    }

    footer: DialogButtons {
        Button {
            objectName: "keychainLogoutButton"
            text: qsTr("Log out")
            flat: true
            Accessible.name: text
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
        Button {
            objectName: "continueWithoutKeychainButton"
            text: qsTr("Continue without saving")
            flat: true
            Accessible.name: text
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
        }
        AccentButton {
            objectName: "protectWithPassphraseButton"
            text: qsTr("Use a passphrase…")
            Accessible.name: text
            DialogButtonBox.buttonRole: DialogButtonBox.ActionRole
            onClicked: dialog.passphraseRequested()
        }
    }

    onAccepted: client.continueWithoutKeychain()
    onRejected: client.logout()
}
