export { ClusterDnsServer, type ClusterDnsOptions } from './cluster-dns-server';
export { answerQuery, errorResponse } from './dns-answer';
export { forwardQuery, upstreamsFromResolvConf, type Upstream } from './dns-forwarder';
