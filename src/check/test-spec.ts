/** The inline spec the check tests share: small, but with every shape the checks must not trip over. */
export const THINGS = `
openapi: 3.0.3
info: {title: things, version: '1'}
security: [{bearer: []}]
components:
  securitySchemes:
    bearer: {type: http, scheme: bearer}
    apiKey: {type: apiKey, in: header, name: X-API-Key}
    queryKey: {type: apiKey, in: query, name: api_key}
  schemas:
    Thing:
      type: object
      required: [id, created]
      properties:
        id: {type: string}
        created: {type: integer}
        note: {type: string, nullable: true}
        secret: {type: string, writeOnly: true}
        tags: {type: array, items: {$ref: '#/components/schemas/Tag'}}
    Tag: {type: object, properties: {name: {type: string}}}
    Closed: {type: object, additionalProperties: false, properties: {a: {type: string}}}
    Error: {type: object, properties: {message: {type: string}}}
    Chunk:
      type: object
      required: [id]
      properties:
        id: {type: string}
        usage: {type: object, nullable: true}
paths:
  /things:
    get:
      operationId: listThings
      security: []
      parameters:
        - {name: limit, in: query, schema: {type: integer, minimum: 1}}
      responses:
        '200':
          description: ok
          headers:
            X-Total-Count: {required: true, schema: {type: integer}}
            X-Next: {schema: {type: string, format: uri}}
          content:
            application/json:
              schema: {type: array, items: {$ref: '#/components/schemas/Thing'}}
        4XX:
          description: client error
          content: {application/problem+json: {schema: {$ref: '#/components/schemas/Error'}}}
    post:
      operationId: createThing
      parameters:
        - {name: Idempotency-Key, in: header, required: true, schema: {type: string}}
        - {name: Accept, in: header, required: true, schema: {type: string}}
      requestBody:
        required: true
        content:
          application/json:
            schema: {type: object, required: [name], properties: {name: {type: string, minLength: 1}}}
      responses:
        '201': {description: created, content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}}
        '204': {description: nothing}
        default: {description: error, content: {application/json: {schema: {$ref: '#/components/schemas/Error'}}}}
  /things/{id}:
    parameters: [{name: id, in: path, required: true, schema: {type: string}}]
    get:
      operationId: getThing
      responses:
        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}}
        '404': {description: not found}
        '503': {description: overloaded}
    delete:
      operationId: deleteThing
      responses:
        '204': {description: deleted}
  /closed:
    get:
      security: [{apiKey: []}, {queryKey: []}]
      responses:
        '200': {description: ok, content: {'*/*': {schema: {$ref: '#/components/schemas/Closed'}}}}
  /chat:
    post:
      operationId: chat
      description: 'Streams chunks when stream is true; the stream ends with data: [DONE].'
      requestBody:
        content:
          application/json:
            schema: {type: object, properties: {stream: {type: boolean}, stream_options: {type: object}}}
      responses:
        '200':
          description: ok
          content:
            application/json: {schema: {$ref: '#/components/schemas/Chunk'}}
            text/event-stream: {schema: {$ref: '#/components/schemas/Chunk'}}
  /plain-chat:
    post:
      requestBody:
        content:
          application/json:
            schema: {type: object, properties: {stream: {type: boolean}}}
      responses:
        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Chunk'}}}}
`;

/** The same API in OpenAPI 3.2 with an SSE `itemSchema` describing whole events. */
export const EVENTS_32 = `
openapi: 3.2.0
info: {title: events, version: '1'}
paths:
  /events:
    get:
      responses:
        '200':
          description: a stream
          content:
            text/event-stream:
              itemSchema:
                type: object
                required: [data]
                properties:
                  event: {type: string, enum: [tick, error]}
                  data: {type: string, contentMediaType: application/json, contentSchema: {type: object, required: [n], properties: {n: {type: integer}}}}
                  id: {type: string}
`;
