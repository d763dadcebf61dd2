import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Parley

// The sign-in form: server address, username and password; for a new account also the
// password again. Submitting calls client.registerAccount or client.login with what was
// typed; the client reports progress in `busy` and problems in `errorString`.
Item {
    id: page

    required property Client client
    property string mode: "login" // "login" or "register"

    readonly property bool registering: mode === "register"
    readonly property bool passwordsMatch: !registering || passwordField.text === confirmField.text
    readonly property bool canSubmit: serverField.text.trim().length > 0
                                      && usernameField.text.trim().length > 0
                                      && passwordField.text.length > 0
                                      && passwordsMatch && !client.busy

    signal backRequested()

    function submit() {
        if (!canSubmit)
            return
        if (registering)
            client.registerAccount(serverField.text.trim(), usernameField.text.trim(), passwordField.text)
        else
            client.login(serverField.text.trim(), usernameField.text.trim(), passwordField.text)
    }

    StackView.onActivated: (serverField.text.length > 0 ? usernameField : serverField).forceActiveFocus()

    IconButton {
        objectName: "accountBackButton"
        anchors.left: parent.left
        anchors.top: parent.top
        anchors.margins: Theme.spacingLarge
        iconName: "back"
        toolTipText: qsTr("Back")
        enabled: !page.client.busy
        onClicked: page.backRequested()
    }

    Pane {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.spacingHuge, 420)
        padding: Theme.spacingHuge * 1.5
        background: Rectangle {
            color: Theme.surface
            radius: Theme.radius * 1.5
            border.color: Theme.divider
        }

        ColumnLayout {
            anchors.fill: parent
            spacing: Theme.spacingMedium

            Label {
                text: page.registering ? qsTr("Create your account") : qsTr("Log in to Parley")
                font.pixelSize: Theme.fontSizeTitle
                font.weight: Font.DemiBold
                color: Theme.text
            }

            Label {
                Layout.fillWidth: true
                Layout.bottomMargin: Theme.spacing
                wrapMode: Text.Wrap
                text: page.registering
                      ? qsTr("Choose a username that people will use to find you.")
                      : qsTr("Use the server address your administrator gave you.")
                color: Theme.secondaryText
            }

            Label {
                text: qsTr("Server")
                color: Theme.secondaryText
                font.pixelSize: Theme.fontSizeSmall + 1
            }
            TextField {
                id: serverField
                objectName: "serverField"
                Layout.fillWidth: true
                text: page.client.serverUrl
                placeholderText: "wss://chat.example.org:7443"
                inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
                selectByMouse: true
                Accessible.name: qsTr("Server address")
                onAccepted: usernameField.forceActiveFocus()
            }

            Label {
                text: qsTr("Username")
                color: Theme.secondaryText
                font.pixelSize: Theme.fontSizeSmall + 1
            }
            TextField {
                id: usernameField
                objectName: "usernameField"
                Layout.fillWidth: true
                placeholderText: qsTr("e.g. alice")
                inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
                selectByMouse: true
                Accessible.name: qsTr("Username")
                onAccepted: passwordField.forceActiveFocus()
            }

            Label {
                text: qsTr("Password")
                color: Theme.secondaryText
                font.pixelSize: Theme.fontSizeSmall + 1
            }
            TextField {
                id: passwordField
                objectName: "passwordField"
                Layout.fillWidth: true
                echoMode: TextInput.Password
                placeholderText: page.registering ? qsTr("At least 8 characters") : ""
                Accessible.name: qsTr("Password")
                onAccepted: page.registering ? confirmField.forceActiveFocus() : page.submit()
            }

            Label {
                visible: page.registering
                text: qsTr("Repeat password")
                color: Theme.secondaryText
                font.pixelSize: Theme.fontSizeSmall + 1
            }
            TextField {
                id: confirmField
                objectName: "confirmPasswordField"
                visible: page.registering
                Layout.fillWidth: true
                echoMode: TextInput.Password
                Accessible.name: qsTr("Repeat password")
                onAccepted: page.submit()
            }

            Label {
                objectName: "accountError"
                Layout.fillWidth: true
                visible: text.length > 0
                wrapMode: Text.Wrap
                color: Theme.danger
                text: !page.passwordsMatch && confirmField.text.length > 0
                      ? qsTr("The passwords do not match.")
                      : page.client.errorString
                Accessible.name: text
            }

            AccentButton {
                objectName: "accountSubmitButton"
                Layout.fillWidth: true
                Layout.topMargin: Theme.spacing
                enabled: page.canSubmit
                text: page.client.busy ? "" : (page.registering ? qsTr("Create account") : qsTr("Log in"))
                Accessible.name: page.registering ? qsTr("Create account") : qsTr("Log in")
                onClicked: page.submit()

                BusyIndicator {
                    anchors.centerIn: parent
                    height: parent.height * 0.7
                    width: height
                    running: page.client.busy
                    visible: running
                }
            }

            Button {
                objectName: "accountSwitchModeButton"
                Layout.alignment: Qt.AlignHCenter
                flat: true
                enabled: !page.client.busy
                text: page.registering ? qsTr("I already have an account") : qsTr("Create a new account")
                Accessible.name: text
                onClicked: page.mode = page.registering ? "login" : "register"
            }
        }
    }
}
