import QtQuick

// A round badge with the first letter of a name on a colour derived from it, and an
// optional presence dot.
Rectangle {
    id: avatar

    property string name
    property bool isGroup: false
    property bool showPresence: false
    property bool online: false
    property color ringColor: Theme.sidebar

    implicitWidth: Theme.avatarSize
    implicitHeight: Theme.avatarSize
    radius: width / 2
    color: Theme.avatarColor(name)
    Accessible.ignored: true

    Text {
        anchors.centerIn: parent
        visible: !avatar.isGroup
        text: avatar.name.length > 0 ? avatar.name.charAt(0).toUpperCase() : ""
        color: "#FFFFFF"
        font.pixelSize: Math.round(avatar.height * 0.42)
        font.weight: Font.DemiBold
    }

    Icon {
        anchors.centerIn: parent
        visible: avatar.isGroup
        width: Math.round(avatar.width * 0.55)
        height: width
        name: "people"
        color: "#FFFFFF"
    }

    Rectangle {
        visible: avatar.showPresence && avatar.online
        width: Math.max(10, Math.round(avatar.width * 0.3))
        height: width
        radius: width / 2
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: -1
        color: Theme.online
        border.width: 2
        border.color: avatar.ringColor
    }
}
