/** The acceptance manifest: a Namespace, ConfigMap, Secret, Deployment and Service in one file. */
export const APP_V1 = `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels: {team: web}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: web-config, namespace: shop, labels: {app: web}}
data: {GREETING: hello, COLOR: blue}
---
apiVersion: v1
kind: Secret
metadata: {name: web-secret, namespace: shop, labels: {app: web}}
type: Opaque
stringData: {password: s3cret}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop, labels: {app: web}}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: wake/web:1
        env:
        - {name: MODE, value: prod}
        - {name: DEBUG, value: "0"}
        ports:
        - {containerPort: 8080, name: http}
        - {containerPort: 9090, name: metrics}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop, labels: {app: web}}
spec:
  selector: {app: web}
  ports:
  - {name: http, port: 80, targetPort: 8080}
`;

/** The edit: a new image, the DEBUG env var and the metrics port removed. */
export const APP_V2 = APP_V1.replace('wake/web:1', 'wake/web:2')
  .replace('        - {name: DEBUG, value: "0"}\n', '')
  .replace('        - {containerPort: 9090, name: metrics}\n', '');

const deployment = (spec: string, name = 'bad') => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: default}
spec:
${spec}
  selector: {matchLabels: {app: bad}}
  template:
    metadata: {labels: {app: bad}}
    spec: {containers: [{name: c, image: wake/web:1}]}
`;

export const WRONG_TYPE = deployment('  replicas: "two"');
export const UNKNOWN_FIELD = deployment('  replicas: 1\n  replicaz: 3');
export const BAD_NAME = deployment('  replicas: 1', 'Bad_Name');
