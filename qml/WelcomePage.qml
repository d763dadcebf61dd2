import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Parley

// What a logged-out user sees: a welcome card with "Create account" and "Log in", then the
// account form for the chosen action.
Rectangle {
    id: page

    required property Client client

    color: Theme.window

    Connections {
        target: page.client
        function onStateChanged() {
            if (page.client.state === Client.LoggedOut)
                stack.pop(null)
        }
    }

    StackView {
        id: stack
        objectName: "welcomeStack"
        anchors.fill: parent
        initialItem: welcome
    }

    Component {
        id: welcome

        Item {
            ColumnLayout {
                anchors.centerIn: parent
                width: Math.min(parent.width - 2 * Theme.spacingHuge, 400)
                spacing: Theme.spacingLarge

                Image {
                    Layout.alignment: Qt.AlignHCenter
                    Layout.preferredWidth: 112
                    Layout.preferredHeight: 112
                    source: "qrc:/Parley/icons/parley.png"
                    sourceSize: Qt.size(224, 224)
                    smooth: true
                    mipmap: true
                    Accessible.ignored: true
                }

                Label {
                    Layout.alignment: Qt.AlignHCenter
                    text: qsTr("Welcome to Parley")
                    font.pixelSize: 28
                    font.weight: Font.DemiBold
                    color: Theme.text
                }

                Label {
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    text: qsTr("Private conversations with the people you work with. Messages are stored on your computer and sent the moment you are online.")
                    color: Theme.secondaryText
                    font.pixelSize: Theme.fontSize
                }

                Item {
                    implicitHeight: Theme.spacing
                }

                AccentButton {
                    id: registerButton
                    objectName: "welcomeRegisterButton"
                    Layout.fillWidth: true
                    text: qsTr("Create an account")
                    Accessible.name: text
                    focus: true
                    onClicked: stack.push(form, { mode: "register" })
                }

                Button {
                    objectName: "welcomeLoginButton"
                    Layout.fillWidth: true
                    text: qsTr("I already have an account")
                    flat: true
                    Accessible.name: text
                    onClicked: stack.push(form, { mode: "login" })
                }
            }
        }
    }

    Component {
        id: form

        AccountPage {
            client: page.client
            onBackRequested: stack.pop()
        }
    }
}
