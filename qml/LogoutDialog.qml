import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Parley

// "Log out" asks what happens to what this computer holds: keep the history for the next
// login as the same person, or erase everything, which is confirmed on its own.
ModalDialog {
    id: dialog

    required property Client client

    objectName: "logoutDialog"
    width: Math.min(520, Overlay.overlay ? Overlay.overlay.width - 48 : 520)
    title: qsTr("Log out")

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacingMedium

        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: qsTr("This device is removed from your account. What should happen to your messages on this computer?")
            color: Theme.text
        }

        Button {
            objectName: "keepHistoryButton"
            Layout.fillWidth: true
            text: qsTr("Keep my history on this computer")
            Accessible.name: text
            onClicked: {
                dialog.close()
                dialog.client.logout()
            }
        }

        Button {
            objectName: "eraseEverythingButton"
            Layout.fillWidth: true
            text: qsTr("Erase everything from this computer…")
            flat: true
            Material.foreground: Theme.danger
            Accessible.name: text
            onClicked: {
                dialog.close()
                eraseDialog.open()
            }
        }
    }

    footer: DialogButtons {
        Button {
            objectName: "cancelLogoutButton"
            text: qsTr("Cancel")
            flat: true
            Accessible.name: text
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
    }

    ModalDialog {
        id: eraseDialog
        objectName: "eraseConfirmDialog"
        width: Math.min(480, Overlay.overlay ? Overlay.overlay.width - 48 : 480)
        title: qsTr("Erase everything?")

        Label {
            width: parent.width
            wrapMode: Text.Wrap
            text: qsTr("Your messages, this device's keys and what was not sent yet are deleted from this computer. This cannot be undone.")
            color: Theme.secondaryText
        }

        footer: DialogButtons {
            Button {
                objectName: "confirmEraseButton"
                text: qsTr("Erase everything")
                flat: true
                Material.foreground: Theme.danger
                Accessible.name: text
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
            Button {
                objectName: "cancelEraseButton"
                text: qsTr("Cancel")
                flat: true
                Accessible.name: text
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            }
        }

        onAccepted: dialog.client.logoutAndErase()
    }
}
