import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Parley

// What shows before anything else when the profile is locked: the passphrase (when the user
// chose one, or the system keychain failed and one was set), or the recovery key.
Rectangle {
    id: page

    required property Client client
    readonly property ProfileLock lock: client.profileLock
    // The recovery key is the way in when there is no passphrase, or on the user's request.
    property bool useRecoveryKey: !lock.hasPassphrase

    objectName: "unlockPage"
    color: Theme.window

    function submit() {
        if (!unlockButton.enabled)
            return
        if (useRecoveryKey)
            lock.unlockWithRecoveryKey(recoveryField.text)
        else
            lock.unlock(passphraseField.text)
    }

    function focusField() {
        if (useRecoveryKey)
            recoveryField.forceActiveFocus()
        else
            passphraseField.forceActiveFocus()
    }

    onVisibleChanged: {
        if (visible)
            focusField()
    }

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.spacingHuge, 440)
        spacing: Theme.spacingLarge

        Icon {
            Layout.alignment: Qt.AlignHCenter
            implicitWidth: 48
            implicitHeight: 48
            name: "key"
            color: Theme.accent
        }

        Label {
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("Parley is locked")
            font.pixelSize: 24
            font.weight: Font.DemiBold
            color: Theme.text
        }

        Label {
            objectName: "lockReason"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            visible: text.length > 0
            text: page.lock.lockReason
            textFormat: Text.PlainText
            color: Theme.secondaryText
        }

        Label {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            text: page.useRecoveryKey
                  ? qsTr("Enter the recovery key you wrote down when you set Parley up.")
                  : qsTr("Enter your passphrase to open your conversations on this computer.")
            color: Theme.text
        }

        TextField {
            id: passphraseField
            objectName: "unlockPassphrase"
            Layout.fillWidth: true
            visible: !page.useRecoveryKey
            enabled: !page.lock.busy
            placeholderText: qsTr("Passphrase")
            echoMode: TextInput.Password
            Accessible.name: qsTr("Passphrase")
            onAccepted: page.submit()
        }

        TextField {
            id: recoveryField
            objectName: "recoveryKeyField"
            Layout.fillWidth: true
            visible: page.useRecoveryKey
            enabled: !page.lock.busy
            placeholderText: qsTr("ABCD-EFGH-…")
            font.family: "monospace"
            Accessible.name: qsTr("Recovery key")
            onAccepted: page.submit()
        }

        Label {
            objectName: "unlockError"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            visible: text.length > 0
            text: page.lock.errorString
            color: Theme.danger
        }

        BusyIndicator {
            Layout.alignment: Qt.AlignHCenter
            visible: page.lock.busy
            running: visible
        }

        AccentButton {
            id: unlockButton
            objectName: "unlockButton"
            Layout.fillWidth: true
            text: qsTr("Unlock")
            enabled: !page.lock.busy
                     && (page.useRecoveryKey ? recoveryField.text.length > 0 : passphraseField.text.length > 0)
            Accessible.name: text
            onClicked: page.submit()
        }

        Button {
            objectName: "switchUnlockMethodButton"
            Layout.alignment: Qt.AlignHCenter
            visible: page.lock.hasPassphrase
            flat: true
            text: page.useRecoveryKey ? qsTr("Use my passphrase") : qsTr("Use the recovery key instead")
            Accessible.name: text
            onClicked: {
                page.useRecoveryKey = !page.useRecoveryKey
                page.focusField()
            }
        }
    }
}
