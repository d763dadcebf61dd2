import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Parley

// A new backup: how it is opened later. A passphrase (typed twice), or a backup key Parley
// makes and shows once. The file was chosen before the dialog opened.
ModalDialog {
    id: dialog

    required property Client client
    // The file the backup goes into.
    property url file
    readonly property bool withKey: keyChoice.checked
    readonly property bool matching: firstField.text === secondField.text
    readonly property bool ready: withKey || (matching && firstField.text.length >= 8)

    objectName: "backupDialog"
    width: Math.min(500, Overlay.overlay ? Overlay.overlay.width - 48 : 500)
    title: qsTr("Back up your history")

    onOpened: {
        firstField.text = ""
        secondField.text = ""
        passphraseChoice.checked = true
        firstField.forceActiveFocus()
    }

    function submit() {
        if (!ready)
            return
        client.backup.create(file, withKey ? "" : firstField.text)
        close()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacingMedium

        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: qsTr("The backup is one encrypted file with your conversations, messages, reactions and edits. Keep it somewhere safe; restore it on any computer after signing in as you. Parley cannot open it without what you choose here.")
            color: Theme.text
        }

        RadioButton {
            id: passphraseChoice
            objectName: "backupWithPassphrase"
            text: qsTr("Protect it with a passphrase")
            checked: true
            Accessible.name: text
        }

        TextField {
            id: firstField
            objectName: "backupPassphrase"
            Layout.fillWidth: true
            Layout.leftMargin: Theme.spacingHuge
            visible: !dialog.withKey
            placeholderText: qsTr("Passphrase (at least 8 characters)")
            echoMode: TextInput.Password
            Accessible.name: qsTr("Backup passphrase")
            onAccepted: secondField.forceActiveFocus()
        }

        TextField {
            id: secondField
            objectName: "repeatBackupPassphrase"
            Layout.fillWidth: true
            Layout.leftMargin: Theme.spacingHuge
            visible: !dialog.withKey
            placeholderText: qsTr("The same passphrase again")
            echoMode: TextInput.Password
            Accessible.name: qsTr("Repeat the backup passphrase")
            onAccepted: dialog.submit()
        }

        Label {
            Layout.fillWidth: true
            Layout.leftMargin: Theme.spacingHuge
            wrapMode: Text.Wrap
            visible: !dialog.withKey && secondField.text.length > 0 && !dialog.matching
            text: qsTr("The two passphrases are not the same.")
            color: Theme.danger
        }

        RadioButton {
            id: keyChoice
            objectName: "backupWithKey"
            text: qsTr("Make a backup key for me to write down")
            Accessible.name: text
        }
    }

    footer: DialogButtons {
        Button {
            text: qsTr("Cancel")
            flat: true
            Accessible.name: text
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
        AccentButton {
            objectName: "startBackupButton"
            text: qsTr("Back up")
            enabled: dialog.ready
            Accessible.name: text
            DialogButtonBox.buttonRole: DialogButtonBox.ActionRole
            onClicked: dialog.submit()
        }
    }
}
