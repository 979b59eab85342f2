package vn.hoso.events;

/** How a case file reached the one-stop shop (national status catalogue: 1 in person, 2 online, 3 post). */
public enum Channel {
    ONLINE, IN_PERSON, POST
}
