import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Parley

// Parley's main window: the welcome and sign-in pages while logged out; the conversation
// list, the open conversation and its members once logged in; and the dialogs that the
// client asks for (changed certificate, missing keychain). Everything shown comes from
// `client` (docs/client-api.md); every action is one of its invokables.
ApplicationWindow {
    id: window

    required property Client client

    // The conversation shown on the right (-1: none). A view choice, not client state.
    property real currentConversationId: -1
    readonly property bool loggedIn: client.state !== Client.LoggedOut
    readonly property int totalUnread: client.conversations ? client.conversations.totalUnread : 0

    function openConversation(conversationId) {
        currentConversationId = conversationId
        membersPanel.close()
    }

    // The safety number with one contact, in its own dialog (made per contact, gone on close).
    function showSafetyNumber(userId, username) {
        const dialog = safetyNumberDialog.createObject(window.contentItem, {
            client: window.client, userId: userId, username: username
        })
        dialog.closed.connect(dialog.destroy)
        dialog.open()
    }

    function showError(message) {
        errorToast.text = message
        errorToast.open()
    }

    objectName: "mainWindow"
    width: 1100
    height: 720
    minimumWidth: 760
    minimumHeight: 500
    visible: true
    title: totalUnread > 0 ? qsTr("Parley (%1)").arg(totalUnread) : qsTr("Parley")
    color: Theme.window
    font.capitalization: Font.MixedCase

    Material.accent: Theme.accent
    Material.primary: Theme.accent
    Material.background: Theme.window
    Material.foreground: Theme.text

    Binding {
        target: Theme
        property: "dark"
        value: window.Material.theme === Material.Dark
    }

    // The client skips desktop notifications for the conversation in front of the user.
    Binding {
        target: window.client
        property: "activeChat"
        value: window.currentConversationId >= 0 ? window.client.chat(window.currentConversationId) : null
    }

    Connections {
        target: window.client

        function onConversationOpened(conversationId) {
            window.openConversation(conversationId)
        }

        // A notification was clicked: the window comes back to the front with its chat.
        function onConversationActivated(conversationId) {
            window.show()
            window.raise()
            window.requestActivate()
            window.openConversation(conversationId)
        }

        function onErrorOccurred(code, message) {
            if (window.loggedIn && !newChatDialog.visible && !newGroupDialog.visible)
                window.showError(message)
        }

        function onStateChanged() {
            if (window.client.state === Client.LoggedOut) {
                window.currentConversationId = -1
                settingsDialog.close()
            }
        }

        function onCertificateProblemChanged() {
            if (window.client.certificateProblem.length > 0)
                certificateDialog.open()
            else
                certificateDialog.close()
        }

        function onCertificateToApproveChanged() {
            if (window.client.certificateToApprove.length > 0)
                trustServerDialog.open()
            else
                trustServerDialog.close()
        }

        function onKeychainProblemChanged() {
            if (window.client.keychainProblem.length > 0)
                keychainDialog.open()
            else
                keychainDialog.close()
        }
    }

    // Closing the window leaves Parley in the tray (where the desktop has one and the user
    // did not turn it off), so messages and notifications keep coming; otherwise it quits.
    onClosing: close => {
        if (tray.visible && client.keepRunningInTray) {
            close.accepted = false
            window.hide()
        } else {
            Qt.quit()
        }
    }

    Component.onCompleted: {
        if (client.certificateProblem.length > 0)
            certificateDialog.open()
        if (client.keychainProblem.length > 0)
            keychainDialog.open()
    }

    Shortcut {
        sequences: [StandardKey.New]
        enabled: window.loggedIn
        onActivated: newChatDialog.open()
    }
    Shortcut {
        sequences: [StandardKey.Find]
        enabled: window.loggedIn
        onActivated: sidebar.focusSearch()
    }
    Shortcut {
        sequences: ["Ctrl+Shift+F"]
        enabled: window.loggedIn
        onActivated: sidebar.searchMessages()
    }
    Shortcut {
        sequences: [StandardKey.Quit, "Ctrl+Q"]
        onActivated: Qt.quit()
    }
    Shortcut {
        sequences: [StandardKey.Preferences, "Ctrl+,"]
        enabled: window.loggedIn
        onActivated: settingsDialog.open()
    }

    StackLayout {
        anchors.fill: parent
        // A locked profile shows nothing of itself until the passphrase or recovery key opens it.
        currentIndex: window.client.profileLock.locked ? 2 : window.loggedIn ? 1 : 0

        WelcomePage {
            client: window.client
        }

        ColumnLayout {
            spacing: 0

            Banner {
                objectName: "offlineBanner"
                Layout.fillWidth: true
                visible: window.client.state === Client.Offline
                         && window.client.certificateProblem.length === 0
                iconName: "cloud-off"
                text: qsTr("You are offline. Parley keeps trying to reconnect; what you write is sent when the server is back.")
            }

            Banner {
                objectName: "signedOutBanner"
                Layout.fillWidth: true
                visible: window.client.state === Client.SignedOut
                iconName: "shield"
                tone: "danger"
                // Reads client.language: the sentence follows a language switch at once.
                text: (window.client.language, StateText.signOut(window.client.signOutReason))
                actionText: qsTr("Sign in again…")
                onActionTriggered: signInAgainDialog.open()
            }

            Banner {
                objectName: "recoveryKeyBanner"
                Layout.fillWidth: true
                visible: window.client.profileLock.recoveryKey.length > 0
                iconName: "key"
                text: qsTr("Write down your recovery key: it opens your history here if the system keychain and your passphrase are lost.")
                actionText: qsTr("Show…")
                onActionTriggered: recoveryKeyDialog.open()
            }

            Banner {
                readonly property var devices: window.client.newDevices
                readonly property var newest: devices.length > 0 ? devices[devices.length - 1] : null

                objectName: "newDeviceBanner"
                Layout.fillWidth: true
                visible: devices.length > 0
                iconName: "shield"
                text: !newest ? ""
                      : devices.length === 1
                        ? qsTr("“%1” signed in to your account (%2). If that was not you, remove it and change your password.")
                              .arg(newest.name).arg(new Date(newest.createdAt).toLocaleString(Qt.locale(), Locale.ShortFormat))
                        : qsTr("%1 new devices signed in to your account, the last “%2”. If that was not you, remove them and change your password.")
                              .arg(devices.length).arg(newest.name)
                actionText: qsTr("Review…")
                secondActionText: qsTr("It was me")
                onActionTriggered: {
                    window.client.acknowledgeNewDevices()
                    settingsDialog.openOn(1)
                }
                onSecondActionTriggered: window.client.acknowledgeNewDevices()
            }

            Banner {
                objectName: "certificateBanner"
                Layout.fillWidth: true
                visible: window.client.certificateProblem.length > 0
                iconName: "shield"
                tone: "danger"
                text: qsTr("Not connected: the server's certificate has changed.")
                actionText: qsTr("Review…")
                onActionTriggered: certificateDialog.open()
            }

            RowLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                spacing: 0

                Sidebar {
                    id: sidebar
                    Layout.fillHeight: true
                    Layout.preferredWidth: Theme.sidebarWidth
                    client: window.client
                    currentConversationId: window.currentConversationId
                    onConversationActivated: conversationId => window.openConversation(conversationId)
                    onNewChatRequested: newChatDialog.open()
                    onNewGroupRequested: newGroupDialog.open()
                    onSettingsRequested: settingsDialog.open()
                    onSearchResultActivated: (conversationId, seq) => {
                        window.openConversation(conversationId)
                        conversationView.showMessage(seq)
                        conversationView.focusMessages()
                    }
                }

                Rectangle {
                    Layout.fillHeight: true
                    implicitWidth: 1
                    color: Theme.divider
                }

                ConversationView {
                    id: conversationView
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    visible: window.currentConversationId >= 0
                    client: window.client
                    conversationId: window.currentConversationId
                    membersOpen: membersPanel.visible
                    onMembersRequested: membersPanel.visible ? membersPanel.close() : membersPanel.open()
                    onLeaveRequested: leaveDialog.open()
                    onSafetyNumberRequested: (userId, username) => window.showSafetyNumber(userId, username)
                }

                EmptyConversation {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    visible: window.currentConversationId < 0
                    hasConversations: sidebar.conversationCount > 0
                    onNewChatRequested: newChatDialog.open()
                    onNewGroupRequested: newGroupDialog.open()
                }

                MembersPanel {
                    id: membersPanel
                    Layout.fillHeight: true
                    Layout.preferredWidth: 320
                    client: window.client
                    conversationId: window.currentConversationId
                    onLeaveRequested: leaveDialog.open()
                    onSafetyNumberRequested: (userId, username) => window.showSafetyNumber(userId, username)
                }
            }
        }

        UnlockPage {
            client: window.client
        }
    }

    RecoveryKeyDialog {
        id: recoveryKeyDialog
        client: window.client
    }

    PassphraseDialog {
        id: passphraseDialog
        client: window.client
    }

    NewChatDialog {
        id: newChatDialog
        client: window.client
    }

    NewGroupDialog {
        id: newGroupDialog
        client: window.client
    }

    SettingsDialog {
        id: settingsDialog
        client: window.client
        trayAvailable: tray.available
        onPassphraseRequested: passphraseDialog.open()
        onRecoveryKeyRequested: recoveryKeyDialog.open()
    }

    CertificateDialog {
        id: certificateDialog
        client: window.client
    }

    KeychainDialog {
        id: keychainDialog
        client: window.client
        onPassphraseRequested: passphraseDialog.open()
    }

    TrustServerDialog {
        id: trustServerDialog
        client: window.client
    }

    SignInAgainDialog {
        id: signInAgainDialog
        client: window.client
    }

    Component {
        id: safetyNumberDialog

        SafetyNumberDialog {}
    }

    ModalDialog {
        id: leaveDialog
        objectName: "leaveDialog"
        title: qsTr("Leave this group?")
        width: 420

        Label {
            width: parent.width
            wrapMode: Text.Wrap
            text: qsTr("You will stop receiving its messages. A member who can manage the group has to add you again to come back.")
            color: Theme.secondaryText
        }

        footer: DialogButtons {
            Button {
                objectName: "confirmLeaveButton"
                text: qsTr("Leave group")
                flat: true
                Material.foreground: Theme.danger
                Accessible.name: text
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
            Button {
                objectName: "cancelLeaveButton"
                text: qsTr("Cancel")
                flat: true
                Accessible.name: text
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            }
        }

        onAccepted: {
            window.client.chat(window.currentConversationId).leave()
            membersPanel.close()
        }
    }

    ToolTip {
        id: errorToast
        objectName: "errorToast"
        parent: Overlay.overlay
        x: (parent.width - width) / 2
        y: parent.height - height - Theme.spacingHuge * 2
        timeout: 5000
        font.pixelSize: Theme.fontSize
    }

    TrayIcon {
        id: tray
        client: window.client
        mainWindow: window
    }
}
