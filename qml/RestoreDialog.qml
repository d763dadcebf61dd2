import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Parley

// Restores a backup file: asks for its passphrase or backup key. Stays open while the backup
// is read, and shows why it could not be.
ModalDialog {
    id: dialog

    required property Client client
    property url file
    property string problem: ""

    objectName: "restoreDialog"
    width: Math.min(500, Overlay.overlay ? Overlay.overlay.width - 48 : 500)
    closePolicy: client.backup.busy ? Popup.NoAutoClose : Popup.CloseOnEscape
    title: qsTr("Restore a backup")

    onOpened: {
        secretField.text = ""
        problem = ""
        secretField.forceActiveFocus()
    }

    function submit() {
        if (secretField.text.length === 0 || client.backup.busy)
            return
        problem = ""
        client.backup.restore(file, secretField.text)
    }

    Connections {
        target: dialog.client.backup
        enabled: dialog.visible
        function onFinished(ok, message) {
            if (ok)
                dialog.close()
            else
                dialog.problem = message
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacingMedium

        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: qsTr("Type the passphrase you chose for this backup, or its backup key. Messages this computer has already stay as they are.")
            color: Theme.text
        }

        TextField {
            id: secretField
            objectName: "restoreSecret"
            Layout.fillWidth: true
            placeholderText: qsTr("Passphrase or backup key")
            echoMode: TextInput.Password
            enabled: !dialog.client.backup.busy
            Accessible.name: qsTr("Passphrase or backup key")
            onAccepted: dialog.submit()
        }

        Label {
            objectName: "restoreProblem"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            visible: text.length > 0
            text: dialog.problem
            color: Theme.danger
        }

        BusyIndicator {
            Layout.alignment: Qt.AlignHCenter
            visible: dialog.client.backup.busy
            running: visible
        }
    }

    footer: DialogButtons {
        Button {
            text: qsTr("Cancel")
            flat: true
            enabled: !dialog.client.backup.busy
            Accessible.name: text
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
        AccentButton {
            objectName: "restoreButton"
            text: qsTr("Restore")
            enabled: secretField.text.length > 0 && !dialog.client.backup.busy
            Accessible.name: text
            DialogButtonBox.buttonRole: DialogButtonBox.ActionRole
            onClicked: dialog.submit()
        }
    }
}
