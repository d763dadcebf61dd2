import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Parley

// The recovery key, shown until the user says it is written down: it opens this profile when
// both the system keychain and the passphrase are lost. Parley never shows it again after.
ModalDialog {
    id: dialog

    required property Client client
    readonly property ProfileLock lock: client.profileLock

    objectName: "recoveryKeyDialog"
    width: Math.min(520, Overlay.overlay ? Overlay.overlay.width - 48 : 520)
    title: qsTr("Your recovery key")

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacingMedium

        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: qsTr("Write this key down and keep it somewhere safe, away from this computer. If the system keychain loses Parley's key and you have no passphrase (or forgot it), this key is the only way to open your history here.")
            color: Theme.text
        }

        TextEdit {
            id: keyText
            objectName: "recoveryKeyText"
            Layout.fillWidth: true
            Layout.topMargin: Theme.spacing
            Layout.bottomMargin: Theme.spacing
            readOnly: true
            selectByMouse: true
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignHCenter
            text: dialog.lock.recoveryKey
            font.family: "monospace"
            font.pixelSize: Theme.fontSizeLarge
            color: Theme.text
            Accessible.role: Accessible.StaticText
            Accessible.name: qsTr("Recovery key: %1").arg(text)
        }

        Button {
            objectName: "copyRecoveryKeyButton"
            Layout.alignment: Qt.AlignHCenter
            flat: true
            text: qsTr("Copy")
            Accessible.name: qsTr("Copy the recovery key")
            onClicked: {
                keyText.selectAll()
                keyText.copy()
                keyText.deselect()
            }
        }
    }

    footer: DialogButtons {
        Button {
            objectName: "laterRecoveryKeyButton"
            text: qsTr("Later")
            flat: true
            Accessible.name: text
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
        AccentButton {
            objectName: "confirmRecoveryKeyButton"
            text: qsTr("I have written it down")
            Accessible.name: text
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
        }
    }

    onAccepted: lock.confirmRecoveryKey()
}
