import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Parley

// Shown when the server's certificate differs from the one pinned on first use. The client
// has stopped the connection; the user compares the fingerprints (with the administrator)
// and either trusts the new certificate or stays disconnected.
ModalDialog {
    id: dialog

    required property Client client

    objectName: "certificateDialog"
    width: Math.min(600, Overlay.overlay ? Overlay.overlay.width - 48 : 600)
    closePolicy: Popup.CloseOnEscape
    title: qsTr("The server's identity has changed")

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacingMedium

        RowLayout {
            spacing: Theme.spacingMedium

            Icon {
                Layout.alignment: Qt.AlignTop
                implicitWidth: 32
                implicitHeight: 32
                name: "shield"
                color: Theme.danger
            }

            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: qsTr("Parley stopped connecting because the server presented a different certificate from the one it showed before. This happens when the administrator replaced it, but it can also mean someone is intercepting your connection.")
                color: Theme.text
            }
        }

        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: qsTr("Compare the fingerprints below with your administrator before you trust the new certificate.")
            color: Theme.secondaryText
        }

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: details.implicitHeight + Theme.spacingLarge * 2
            radius: Theme.radius
            color: Theme.hover
            border.color: Theme.divider

            Label {
                id: details
                objectName: "certificateDetails"
                anchors.fill: parent
                anchors.margins: Theme.spacingLarge
                text: dialog.client.certificateProblem
                textFormat: Text.PlainText
                wrapMode: Text.WrapAnywhere
                font.family: "monospace"
                font.pixelSize: Theme.fontSizeSmall + 1
                color: Theme.text
                Accessible.name: text
            }
        }
    }

    footer: DialogButtonBox {
        Button {
            objectName: "keepDisconnectedButton"
            text: qsTr("Stay disconnected")
            flat: true
            Accessible.name: text
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
        Button {
            objectName: "acceptCertificateButton"
            text: qsTr("Trust the new certificate")
            flat: true
            Material.foreground: Theme.danger
            Accessible.name: text
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
        }
    }

    onAccepted: client.acceptNewCertificate()
}
