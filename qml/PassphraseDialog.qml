import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Parley

// Sets or changes the passphrase that opens this profile when the system keychain cannot (or
// instead of it). The passphrase is typed twice; Argon2id takes about a second, so the dialog
// stays open and busy until the client says it is done.
ModalDialog {
    id: dialog

    required property Client client
    readonly property ProfileLock lock: client.profileLock
    readonly property bool matching: firstField.text === secondField.text
    readonly property bool longEnough: firstField.text.length >= 8

    objectName: "passphraseDialog"
    width: Math.min(480, Overlay.overlay ? Overlay.overlay.width - 48 : 480)
    closePolicy: lock.busy ? Popup.NoAutoClose : Popup.CloseOnEscape
    title: lock.hasPassphrase ? qsTr("Change the passphrase") : qsTr("Protect Parley with a passphrase")

    onOpened: {
        firstField.text = ""
        secondField.text = ""
        firstField.forceActiveFocus()
    }

    function submit() {
        if (matching && longEnough && !lock.busy)
            lock.setPassphrase(firstField.text)
    }

    Connections {
        target: dialog.lock
        function onDone() {
            if (dialog.visible)
                dialog.close()
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacingMedium

        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: qsTr("The passphrase opens your history and keys on this computer when the system keychain cannot. Parley cannot recover it for you; your recovery key still works if you forget it.")
            color: Theme.text
        }

        TextField {
            id: firstField
            objectName: "newPassphrase"
            Layout.fillWidth: true
            placeholderText: qsTr("Passphrase (at least 8 characters)")
            echoMode: TextInput.Password
            enabled: !dialog.lock.busy
            Accessible.name: qsTr("Passphrase")
            onAccepted: secondField.forceActiveFocus()
        }

        TextField {
            id: secondField
            objectName: "repeatPassphrase"
            Layout.fillWidth: true
            placeholderText: qsTr("The same passphrase again")
            echoMode: TextInput.Password
            enabled: !dialog.lock.busy
            Accessible.name: qsTr("Repeat the passphrase")
            onAccepted: dialog.submit()
        }

        Label {
            objectName: "passphraseProblem"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            visible: text.length > 0
            text: dialog.lock.errorString.length > 0 ? dialog.lock.errorString
                  : secondField.text.length > 0 && !dialog.matching ? qsTr("The two passphrases are not the same.")
                  : ""
            color: Theme.danger
        }

        BusyIndicator {
            Layout.alignment: Qt.AlignHCenter
            visible: dialog.lock.busy
            running: visible
        }
    }

    footer: DialogButtons {
        Button {
            objectName: "cancelPassphraseButton"
            text: qsTr("Cancel")
            flat: true
            enabled: !dialog.lock.busy
            Accessible.name: text
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
        AccentButton {
            objectName: "setPassphraseButton"
            text: qsTr("Set passphrase")
            enabled: dialog.matching && dialog.longEnough && !dialog.lock.busy
            Accessible.name: text
            DialogButtonBox.buttonRole: DialogButtonBox.ActionRole
            onClicked: dialog.submit()
        }
    }
}
