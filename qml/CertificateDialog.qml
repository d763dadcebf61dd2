import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Parley

// Shown when the server's certificate differs from the one pinned on first use. The client
// has stopped the connection and explains why, with both fingerprints; the user compares
// them with the administrator and either trusts the new certificate or stays disconnected.
ModalDialog {
    id: dialog

    required property Client client

    objectName: "certificateDialog"
    width: Math.min(600, Overlay.overlay ? Overlay.overlay.width - 48 : 600)
    closePolicy: Popup.CloseOnEscape
    title: qsTr("The server's identity has changed")

    RowLayout {
        anchors.fill: parent
        spacing: Theme.spacingLarge

        Icon {
            Layout.alignment: Qt.AlignTop
            implicitWidth: 32
            implicitHeight: 32
            name: "shield"
            color: Theme.danger
        }

        // The client's explanation, with the pinned and the presented fingerprint.
        Label {
            id: details
            objectName: "certificateDetails"
            Layout.fillWidth: true
            text: dialog.client.certificateProblem
            textFormat: Text.PlainText
            wrapMode: Text.WrapAtWordBoundaryOrAnywhere
            lineHeight: 1.15
            color: Theme.text
            Accessible.name: text
        }
    }

    footer: DialogButtons {
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
