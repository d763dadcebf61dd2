import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Parley

// Settings → Security: what opens this profile's history and keys on this computer (the system
// keychain, a passphrase, or both) and the recovery key.
ColumnLayout {
    id: tab

    required property Client client
    readonly property ProfileLock lock: client.profileLock

    signal passphraseRequested()
    signal recoveryKeyRequested()

    spacing: Theme.spacingLarge

    Label {
        objectName: "protectionSummary"
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        text: tab.lock.sessionOnly
              ? qsTr("No system keychain is available and no passphrase is set: what Parley keeps on this computer is forgotten when you quit.")
              : tab.lock.keyInKeychain && tab.lock.hasPassphrase
                ? qsTr("The system keychain opens Parley when you log in to your computer; your passphrase opens it when the keychain cannot.")
                : tab.lock.keyInKeychain
                  ? qsTr("The system keychain opens Parley when you log in to your computer.")
                  : qsTr("Parley asks for your passphrase every time it starts.")
        color: Theme.text
    }

    Switch {
        id: keychainSwitch
        objectName: "keyInKeychainSwitch"
        Material.elevation: 0
        Layout.fillWidth: true
        enabled: !tab.lock.busy && !tab.lock.sessionOnly && (tab.lock.hasPassphrase || !checked)
        text: qsTr("Keep the key in the system keychain")
        checked: tab.lock.keyInKeychain
        Accessible.name: text
        onToggled: tab.lock.setKeyInKeychain(checked)
        // Follows what the profile did (it stays on when the keychain refuses).
        Connections {
            target: tab.lock
            function onChanged() {
                keychainSwitch.checked = tab.lock.keyInKeychain
            }
        }
    }

    Label {
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        text: tab.lock.hasPassphrase
              ? qsTr("Turn this off to be asked for your passphrase at every start, so that nothing on this computer opens Parley without you.")
              : qsTr("To be asked for a passphrase at every start instead, set one first.")
        color: Theme.secondaryText
    }

    RowLayout {
        spacing: Theme.spacingMedium

        Button {
            objectName: "passphraseButton"
            text: tab.lock.hasPassphrase ? qsTr("Change passphrase…") : qsTr("Set a passphrase…")
            enabled: !tab.lock.busy
            Accessible.name: text
            onClicked: tab.passphraseRequested()
        }

        Button {
            objectName: "removePassphraseButton"
            visible: tab.lock.hasPassphrase
            enabled: !tab.lock.busy && tab.lock.keyInKeychain
            flat: true
            text: qsTr("Remove passphrase")
            Accessible.name: text
            onClicked: tab.lock.removePassphrase()
        }
    }

    Label {
        text: qsTr("Recovery key")
        font.weight: Font.DemiBold
        color: Theme.text
    }

    Label {
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        text: qsTr("The recovery key opens your history here when both the keychain and the passphrase fail. A new one replaces the old, which stops working.")
        color: Theme.secondaryText
    }

    Button {
        objectName: "renewRecoveryKeyButton"
        text: qsTr("Make a new recovery key…")
        enabled: !tab.lock.busy && !tab.lock.sessionOnly
        Accessible.name: text
        onClicked: renewDialog.open()
    }

    ModalDialog {
        id: renewDialog
        objectName: "renewRecoveryKeyDialog"
        width: 420
        title: qsTr("Make a new recovery key?")

        Label {
            width: parent.width
            wrapMode: Text.Wrap
            text: qsTr("The recovery key you wrote down will stop working. Write the new one down instead.")
            color: Theme.secondaryText
        }

        footer: DialogButtons {
            Button {
                objectName: "cancelRenewRecoveryKeyButton"
                text: qsTr("Cancel")
                flat: true
                Accessible.name: text
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            }
            AccentButton {
                objectName: "confirmRenewRecoveryKeyButton"
                text: qsTr("Make a new key")
                Accessible.name: text
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
        }

        onAccepted: {
            tab.lock.renewRecoveryKey()
            if (tab.lock.recoveryKey.length > 0)
                tab.recoveryKeyRequested()
        }
    }

    Label {
        objectName: "securityError"
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        visible: text.length > 0
        text: tab.lock.errorString
        color: Theme.danger
    }

    Item {
        Layout.fillHeight: true
    }
}
