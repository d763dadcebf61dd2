import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Qt.labs.platform as Platform
import Parley

// Settings: the account (my profile: display name and picture, sent to my contacts end to end;
// which server, this device, the language, log out), the devices
// logged in to the account (revoke any other), notifications and the tray, privacy (the
// people blocked, each with Unblock), and security (keychain, passphrase, recovery key).
ModalDialog {
    id: dialog

    required property Client client
    // Whether the desktop shows tray icons: only then can Parley keep running when closed.
    property bool trayAvailable: false

    // Security asks the window for its passphrase and recovery key dialogs.
    signal passphraseRequested()
    signal recoveryKeyRequested()

    objectName: "settingsDialog"
    width: Math.min(560, Overlay.overlay ? Overlay.overlay.width - 48 : 560)
    height: Math.min(620, Overlay.overlay ? Overlay.overlay.height - 48 : 620)
    focus: true
    padding: 0
    topPadding: 0
    title: qsTr("Settings")

    // The profile being edited: a picture file chosen and not saved yet, or my picture removed.
    property url chosenPicture: ""
    property bool pictureRemoved: false

    function resetProfile() {
        profileNameField.text = client.displayName
        chosenPicture = ""
        pictureRemoved = false
        profileSavedNote.visible = false
    }

    // The tab the dialog opens on (0: Account); openOn() sets it for one opening.
    property int startTab: 0

    function openOn(tab) {
        startTab = tab
        open()
    }

    onAboutToShow: {
        tabs.currentIndex = startTab
        startTab = 0
        resetProfile()
        client.refreshDevices()
    }

    Platform.FileDialog {
        id: pictureDialog
        objectName: "profilePictureDialog"
        title: qsTr("Choose a picture")
        fileMode: Platform.FileDialog.OpenFile
        nameFilters: [qsTr("Images (*.jpg *.jpeg *.png *.gif *.webp)")]
        folder: Platform.StandardPaths.writableLocation(Platform.StandardPaths.PicturesLocation)
        onAccepted: {
            dialog.chosenPicture = file
            dialog.pictureRemoved = false
            profileSavedNote.visible = false
        }
    }

    header: ColumnLayout {
        spacing: 0

        RowLayout {
            Layout.fillWidth: true
            Layout.leftMargin: Theme.spacingHuge
            Layout.rightMargin: Theme.spacing
            Layout.topMargin: Theme.spacing

            Label {
                Layout.fillWidth: true
                text: dialog.title
                font.pixelSize: Theme.fontSizeTitle - 2
                font.weight: Font.DemiBold
                color: Theme.text
            }

            IconButton {
                objectName: "closeSettingsButton"
                iconName: "close"
                toolTipText: qsTr("Close")
                onClicked: dialog.close()
            }
        }

        TabBar {
            id: tabs
            objectName: "settingsTabs"
            Layout.fillWidth: true
            Layout.leftMargin: Theme.spacingLarge
            background: null

            TabButton {
                objectName: "accountTab"
                text: qsTr("Account")
                width: implicitWidth + Theme.spacingHuge
                Accessible.name: text
            }
            TabButton {
                objectName: "devicesTab"
                text: qsTr("Devices")
                width: implicitWidth + Theme.spacingHuge
                Accessible.name: text
            }
            TabButton {
                objectName: "notificationsTab"
                text: qsTr("Notifications")
                width: implicitWidth + Theme.spacingHuge
                Accessible.name: text
            }
            TabButton {
                objectName: "privacyTab"
                text: qsTr("Privacy")
                width: implicitWidth + Theme.spacingHuge
                Accessible.name: text
            }
            TabButton {
                objectName: "securityTab"
                text: qsTr("Security")
                width: implicitWidth + Theme.spacingHuge
                Accessible.name: text
            }
            TabButton {
                objectName: "dataTab"
                text: qsTr("Data")
                width: implicitWidth + Theme.spacingHuge
                Accessible.name: text
            }
        }

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: 1
            color: Theme.divider
        }
    }

    StackLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacingHuge
        currentIndex: tabs.currentIndex

        // Account
        ColumnLayout {
            spacing: Theme.spacingLarge

            RowLayout {
                spacing: Theme.spacingLarge

                // The picture as it will be: the one chosen, none, or the one I have.
                Avatar {
                    objectName: "profilePreview"
                    implicitWidth: 64
                    implicitHeight: 64
                    name: profileNameField.text.trim().length > 0 ? profileNameField.text.trim()
                                                                  : dialog.client.username
                    source: dialog.chosenPicture.toString().length > 0
                            ? "image://avatar/preview/" + encodeURIComponent(dialog.chosenPicture.toString())
                            : dialog.pictureRemoved ? "" : dialog.client.avatarSource
                    ringColor: Theme.surface
                }

                ColumnLayout {
                    spacing: Theme.spacingTiny

                    Label {
                        objectName: "settingsUsername"
                        text: dialog.client.username
                        font.pixelSize: Theme.fontSizeTitle
                        font.weight: Font.DemiBold
                        color: Theme.text
                    }
                    Label {
                        // Reads client.language: the word follows a language switch at once.
                        text: (dialog.client.language, StateText.connection(dialog.client.state))
                        color: dialog.client.state === Client.Online ? Theme.online : Theme.secondaryText
                    }
                }
            }

            // My profile: what the people I chat with see instead of my username.
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing

                TextField {
                    id: profileNameField
                    objectName: "profileNameField"
                    Layout.fillWidth: true
                    placeholderText: qsTr("Display name")
                    maximumLength: 64
                    selectByMouse: true
                    Accessible.name: qsTr("Display name")
                    onTextEdited: profileSavedNote.visible = false
                    onAccepted: saveProfileButton.clicked()
                }

                AccentButton {
                    id: saveProfileButton
                    objectName: "saveProfileButton"
                    text: qsTr("Save")
                    onClicked: {
                        if (dialog.client.saveProfile(profileNameField.text, dialog.chosenPicture,
                                                      dialog.pictureRemoved)) {
                            dialog.chosenPicture = ""
                            dialog.pictureRemoved = false
                            profileSavedNote.visible = true
                        }
                    }
                }
            }

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing

                Button {
                    objectName: "choosePictureButton"
                    text: qsTr("Choose picture…")
                    flat: true
                    Accessible.name: qsTr("Choose picture")
                    onClicked: pictureDialog.open()
                }

                Button {
                    objectName: "removePictureButton"
                    text: qsTr("Remove picture")
                    flat: true
                    enabled: dialog.chosenPicture.toString().length > 0
                             || (!dialog.pictureRemoved && dialog.client.avatarSource.length > 0)
                    Accessible.name: text
                    onClicked: {
                        dialog.chosenPicture = ""
                        dialog.pictureRemoved = true
                        profileSavedNote.visible = false
                    }
                }

                Label {
                    id: profileSavedNote
                    objectName: "profileSavedNote"
                    Layout.fillWidth: true
                    visible: false
                    text: qsTr("Saved: your contacts will see it.")
                    elide: Text.ElideRight
                    color: Theme.secondaryText
                }
            }

            GridLayout {
                columns: 2
                columnSpacing: Theme.spacingHuge
                rowSpacing: Theme.spacing

                Label {
                    text: qsTr("Server")
                    color: Theme.secondaryText
                }
                Label {
                    objectName: "settingsServer"
                    Layout.fillWidth: true
                    text: dialog.client.serverUrl
                    elide: Text.ElideMiddle
                    color: Theme.text
                }
                Label {
                    text: qsTr("This device")
                    color: Theme.secondaryText
                }
                Label {
                    text: qsTr("Device %1").arg(dialog.client.deviceId)
                    color: Theme.text
                }
                Label {
                    text: qsTr("Language")
                    color: Theme.secondaryText
                }
                ComboBox {
                    id: languageBox
                    objectName: "languageBox"

                    // The system's language first, then each one by its own name.
                    readonly property var choices: [{
                            "code": "",
                            "name": qsTr("System language")
                        }].concat(dialog.client.languageChoices)

                    Layout.fillWidth: true
                    model: choices
                    textRole: "name"
                    valueRole: "code"
                    currentIndex: choices.findIndex(choice => choice.code === dialog.client.language)
                    Accessible.name: qsTr("Language")
                    onActivated: index => dialog.client.language = choices[index].code

                    delegate: ItemDelegate {
                        required property var modelData
                        required property int index

                        objectName: "language:" + (modelData.code || "system")
                        width: ListView.view ? ListView.view.width : implicitWidth
                        text: modelData.name
                        highlighted: languageBox.highlightedIndex === index
                        Accessible.name: text
                    }
                }
            }

            Rectangle {
                Layout.fillWidth: true
                Layout.topMargin: Theme.spacing
                implicitHeight: 1
                color: Theme.divider
            }

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacingLarge

                Label {
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    text: qsTr("Logging out removes this device from your account; you choose whether its copy of your messages stays on this computer.")
                    color: Theme.secondaryText
                }

                Button {
                    objectName: "logoutButton"
                    text: qsTr("Log out")
                    Material.foreground: Theme.danger
                    flat: true
                    Accessible.name: text
                    onClicked: {
                        dialog.close()
                        logoutDialog.open()
                    }
                }

                LogoutDialog {
                    id: logoutDialog
                    client: dialog.client
                }
            }

            Item {
                Layout.fillHeight: true
            }
        }

        // Devices
        ColumnLayout {
            spacing: Theme.spacing

            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: qsTr("Every computer where you logged in to Parley. Revoke one you no longer use or do not recognise: it is logged out at once.")
                color: Theme.secondaryText
            }

            ListView {
                id: deviceList
                objectName: "deviceList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: dialog.client.devices
                spacing: Theme.spacingSmall
                boundsBehavior: Flickable.StopAtBounds
                activeFocusOnTab: true
                Accessible.name: qsTr("Devices")
                Accessible.role: Accessible.List
                ScrollBar.vertical: ScrollBar {}

                delegate: DeviceDelegate {
                    width: ListView.view.width
                    onRevokeRequested: {
                        revokeDialog.deviceId = deviceId
                        revokeDialog.deviceName = name
                        revokeDialog.open()
                    }
                }
            }
        }

        // Notifications
        ColumnLayout {
            spacing: Theme.spacingLarge

            Switch {
                objectName: "notificationsSwitch"
                // A flat handle: Material's shadow is a shader effect (see AccentButton).
                Material.elevation: 0
                Layout.fillWidth: true
                text: qsTr("Show a desktop notification for new messages")
                checked: dialog.client.notificationsEnabled
                Accessible.name: text
                onToggled: dialog.client.notificationsEnabled = checked
            }

            Switch {
                objectName: "notificationTextSwitch"
                Material.elevation: 0
                Layout.fillWidth: true
                enabled: dialog.client.notificationsEnabled
                text: qsTr("Show message text in notifications")
                checked: dialog.client.notificationsShowText
                Accessible.name: text
                onToggled: dialog.client.notificationsShowText = checked
            }

            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: qsTr("When off, a notification only says who wrote (“New message from alice”), so people near your screen do not read along.")
                color: Theme.secondaryText
            }

            Switch {
                objectName: "keepInTraySwitch"
                Material.elevation: 0
                Layout.fillWidth: true
                enabled: dialog.trayAvailable
                text: qsTr("Keep Parley running in the tray when the window is closed")
                checked: dialog.trayAvailable && dialog.client.keepRunningInTray
                Accessible.name: text
                onToggled: dialog.client.keepRunningInTray = checked
            }

            Label {
                objectName: "keepInTrayNote"
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: dialog.trayAvailable
                      ? qsTr("Messages and notifications keep arriving while the window is closed. Quit from the tray icon's menu or the main menu.")
                      : qsTr("This desktop shows no tray icons, so closing the window quits Parley.")
                color: Theme.secondaryText
            }

            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: qsTr("Muted conversations never notify. Mute or unmute one from its menu or by right-clicking it in the list.")
                color: Theme.secondaryText
            }

            Item {
                Layout.fillHeight: true
            }
        }

        // Privacy
        ColumnLayout {
            spacing: Theme.spacingLarge

            Switch {
                id: lastSeenSwitch
                objectName: "lastSeenSwitch"
                Material.elevation: 0
                Layout.fillWidth: true
                // Changed on the server: it takes a connection.
                enabled: dialog.client.canChangeShowLastSeen
                text: qsTr("Show when I was last seen")
                checked: dialog.client.showLastSeen
                Accessible.name: text
                onToggled: dialog.client.showLastSeen = checked
                // The switch follows the server's answer (and goes back if it refused).
                Connections {
                    target: dialog.client
                    function onShowLastSeenChanged() {
                        lastSeenSwitch.checked = dialog.client.showLastSeen
                    }
                }
            }

            Label {
                objectName: "lastSeenNote"
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: dialog.client.canChangeShowLastSeen
                      ? qsTr("If you hide when you were last seen, you will not see when others were last seen either. Whether you are online now stays visible.")
                      : qsTr("You can change this while connected. If you hide when you were last seen, you will not see when others were last seen either.")
                color: Theme.secondaryText
            }

            Label {
                text: qsTr("Blocked people")
                font.weight: Font.DemiBold
                color: Theme.text
            }

            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: qsTr("People you block cannot write to you, start a chat with you or add you to a group, and do not see when you are online.")
                color: Theme.secondaryText
            }

            Label {
                objectName: "noneBlockedLabel"
                visible: blockedList.count === 0
                text: qsTr("You have not blocked anyone.")
                color: Theme.secondaryText
            }

            ListView {
                id: blockedList
                objectName: "blockedList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: dialog.client.blockedPeople
                spacing: Theme.spacingSmall
                boundsBehavior: Flickable.StopAtBounds
                activeFocusOnTab: true
                Accessible.name: qsTr("Blocked people")
                Accessible.role: Accessible.List
                ScrollBar.vertical: ScrollBar {}

                delegate: Rectangle {
                    id: blockedRow

                    required property var modelData
                    readonly property string shownName: modelData.username.length > 0
                                                        ? modelData.username
                                                        : qsTr("User %1").arg(modelData.userId)

                    objectName: "blocked:" + shownName
                    width: ListView.view.width
                    implicitHeight: 56
                    radius: Theme.radius
                    color: Theme.hover
                    Accessible.role: Accessible.ListItem
                    Accessible.name: shownName

                    RowLayout {
                        anchors.fill: parent
                        anchors.leftMargin: Theme.spacingLarge
                        anchors.rightMargin: Theme.spacing
                        spacing: Theme.spacingMedium

                        Avatar {
                            implicitWidth: 36
                            implicitHeight: 36
                            name: blockedRow.shownName
                            ringColor: Theme.hover
                        }

                        Label {
                            Layout.fillWidth: true
                            text: blockedRow.shownName
                            elide: Text.ElideRight
                            font.weight: Font.DemiBold
                            color: Theme.text
                        }

                        Button {
                            objectName: "unblockButton"
                            text: qsTr("Unblock")
                            flat: true
                            Accessible.name: qsTr("Unblock %1").arg(blockedRow.shownName)
                            onClicked: dialog.client.unblockUser(blockedRow.modelData.userId)
                        }
                    }
                }
            }
        }

        SettingsSecurityTab {
            client: dialog.client
            onPassphraseRequested: dialog.passphraseRequested()
            onRecoveryKeyRequested: dialog.recoveryKeyRequested()
        }

        // Data: export and import (SettingsDataTab.qml)
        SettingsDataTab {
            client: dialog.client
        }
    }

    ModalDialog {
        id: revokeDialog
        objectName: "revokeDialog"

        property real deviceId: -1
        property string deviceName

        width: 400
        title: qsTr("Revoke this device?")

        Label {
            width: parent.width
            wrapMode: Text.Wrap
            text: qsTr("“%1” will be logged out at once and can no longer read new messages.").arg(revokeDialog.deviceName)
            color: Theme.secondaryText
        }

        footer: DialogButtons {
            Button {
                objectName: "cancelRevokeButton"
                text: qsTr("Cancel")
                flat: true
                Accessible.name: text
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            }
            Button {
                objectName: "confirmRevokeButton"
                text: qsTr("Revoke")
                flat: true
                Material.foreground: Theme.danger
                Accessible.name: text
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
        }

        onAccepted: dialog.client.revokeDevice(deviceId)
    }
}
