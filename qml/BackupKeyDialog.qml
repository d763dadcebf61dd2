import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Parley

// The backup key of a backup made without a passphrase, shown until the user says it is
// written down: without it the backup cannot be restored anywhere else.
ModalDialog {
    id: dialog

    required property Client client

    objectName: "backupKeyDialog"
    width: Math.min(520, Overlay.overlay ? Overlay.overlay.width - 48 : 520)
    title: qsTr("Your backup key")

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacingMedium

        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: qsTr("Write this key down and keep it apart from the backup file. To restore the backup on a new computer you need this key; Parley cannot recover it for you.")
            color: Theme.text
        }

        TextEdit {
            id: keyText
            objectName: "backupKeyText"
            Layout.fillWidth: true
            Layout.topMargin: Theme.spacing
            Layout.bottomMargin: Theme.spacing
            readOnly: true
            selectByMouse: true
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignHCenter
            text: dialog.client.backup.backupKeyToShow
            font.family: "monospace"
            font.pixelSize: Theme.fontSizeLarge
            color: Theme.text
            Accessible.role: Accessible.StaticText
            Accessible.name: qsTr("Backup key: %1").arg(text)
        }

        Button {
            Layout.alignment: Qt.AlignHCenter
            flat: true
            text: qsTr("Copy")
            Accessible.name: qsTr("Copy the backup key")
            onClicked: {
                keyText.selectAll()
                keyText.copy()
                keyText.deselect()
            }
        }
    }

    footer: DialogButtons {
        Button {
            text: qsTr("Later")
            flat: true
            Accessible.name: text
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
        AccentButton {
            objectName: "confirmBackupKeyButton"
            text: qsTr("I have written it down")
            Accessible.name: text
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
        }
    }

    onAccepted: client.backup.confirmBackupKey()
}
