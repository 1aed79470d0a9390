export { ServiceProxy, type ServiceProxyOptions, type ListenerStatus } from './service-proxy';
export { TcpForwarder } from './tcp-forwarder';
export { UdpForwarder } from './udp-forwarder';
