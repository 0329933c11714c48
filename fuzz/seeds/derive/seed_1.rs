pub struct Heartbeat;

