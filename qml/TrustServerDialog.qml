import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Parley

// The first connection to a server whose certificate no trusted authority vouches for: its
// SHA-256 fingerprint, in the form parleyd logs it, to compare with the server's administrator
// before Parley pins it. Refusing ends the registration or login.
ModalDialog {
    id: dialog

    required property Client client

    objectName: "trustCertificateDialog"
    width: Math.min(600, Overlay.overlay ? Overlay.overlay.width - 48 : 600)
    closePolicy: Popup.NoAutoClose
    title: qsTr("Is this your server?")

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacingMedium

        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: qsTr("This is the first connection to %1, and no trusted authority vouches for its certificate. Compare its fingerprint with the one your administrator gives you (parleyd prints it when it starts). Parley remembers it and refuses the server if it ever changes.")
                  .arg(dialog.client.serverUrl)
            color: Theme.text
        }

        Label {
            objectName: "trustCertificateFingerprint"
            Layout.fillWidth: true
            text: dialog.client.certificateToApprove
            textFormat: Text.PlainText
            wrapMode: Text.WrapAtWordBoundaryOrAnywhere
            font.family: "monospace"
            color: Theme.text
            Accessible.name: text
        }
    }

    footer: DialogButtons {
        Button {
            objectName: "refuseCertificateButton"
            text: qsTr("Do not connect")
            flat: true
            Accessible.name: text
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
        AccentButton {
            objectName: "trustCertificateButton"
            text: qsTr("Trust and connect")
            Accessible.name: text
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
        }
    }

    onAccepted: client.approveCertificate()
    onRejected: client.refuseCertificate()
}
