package dev.trent.api;

import static dev.trent.api.Shapes.domainEnum;

import dev.trent.kms.CreateCustomKeyStoreCommand;
import dev.trent.kms.CustomKeyStore;
import dev.trent.kms.CustomKeyStoreType;
import dev.trent.kms.CustomKeyStores;
import dev.trent.kms.Kms;
import dev.trent.kms.Page;
import dev.trent.kms.UpdateCustomKeyStoreCommand;
import dev.trent.kms.XksProxy;
import dev.trent.kms.XksProxyConnectivity;
import software.amazon.awssdk.services.kms.model.ConnectCustomKeyStoreRequest;
import software.amazon.awssdk.services.kms.model.ConnectCustomKeyStoreResponse;
import software.amazon.awssdk.services.kms.model.CreateCustomKeyStoreRequest;
import software.amazon.awssdk.services.kms.model.CreateCustomKeyStoreResponse;
import software.amazon.awssdk.services.kms.model.CustomKeyStoresListEntry;
import software.amazon.awssdk.services.kms.model.DeleteCustomKeyStoreRequest;
import software.amazon.awssdk.services.kms.model.DeleteCustomKeyStoreResponse;
import software.amazon.awssdk.services.kms.model.DescribeCustomKeyStoresRequest;
import software.amazon.awssdk.services.kms.model.DescribeCustomKeyStoresResponse;
import software.amazon.awssdk.services.kms.model.DisconnectCustomKeyStoreRequest;
import software.amazon.awssdk.services.kms.model.DisconnectCustomKeyStoreResponse;
import software.amazon.awssdk.services.kms.model.UpdateCustomKeyStoreRequest;
import software.amazon.awssdk.services.kms.model.UpdateCustomKeyStoreResponse;
import software.amazon.awssdk.services.kms.model.XksProxyAuthenticationCredentialType;
import software.amazon.awssdk.services.kms.model.XksProxyConfigurationType;

/** CreateCustomKeyStore, DescribeCustomKeyStores, UpdateCustomKeyStore, ConnectCustomKeyStore, DisconnectCustomKeyStore, DeleteCustomKeyStore. */
final class CustomKeyStoreHandlers implements HandlerGroup {
    private final CustomKeyStores keyStores;

    CustomKeyStoreHandlers(Kms kms) {
        this.keyStores = kms.customKeyStores();
    }

    /** The XksProxy settings a request gives, each null when not given. */
    private static XksProxy proxy(String connectivity, String uriEndpoint, String uriPath, String serviceName,
            String serviceOwner, XksProxyAuthenticationCredentialType credential) {
        return new XksProxy(domainEnum(connectivity, XksProxyConnectivity.class), uriEndpoint, uriPath, serviceName,
                serviceOwner, credential == null ? null : credential.accessKeyId(),
                credential == null ? null : credential.rawSecretAccessKey());
    }

    /** This group's route for {@code op}; null for another group's operation. */
    @Override
    public Api.Route<?> route(Operation op) {
        return switch (op) {
            case CREATE_CUSTOM_KEY_STORE -> Api.route(CreateCustomKeyStoreRequest::builder, (caller, r) -> {
                CustomKeyStore created = keyStores.create(caller, new CreateCustomKeyStoreCommand(
                        r.customKeyStoreName(),
                        domainEnum(r.customKeyStoreTypeAsString(), CustomKeyStoreType.class),
                        r.cloudHsmClusterId(),
                        r.trustAnchorCertificate(),
                        r.keyStorePassword(),
                        proxy(r.xksProxyConnectivityAsString(), r.xksProxyUriEndpoint(), r.xksProxyUriPath(),
                                r.xksProxyVpcEndpointServiceName(), r.xksProxyVpcEndpointServiceOwner(),
                                r.xksProxyAuthenticationCredential())));
                return CreateCustomKeyStoreResponse.builder().customKeyStoreId(created.id()).build();
            });
            case DESCRIBE_CUSTOM_KEY_STORES -> Api.route(DescribeCustomKeyStoresRequest::builder, (caller, r) -> {
                Page<CustomKeyStore> page = keyStores.describe(caller, r.customKeyStoreId(),
                        r.customKeyStoreName(), r.limit(), r.marker());
                return DescribeCustomKeyStoresResponse.builder()
                        .customKeyStores(page.items().stream().map(CustomKeyStoreHandlers::entry).toList())
                        .nextMarker(page.nextMarker())
                        .truncated(page.truncated())
                        .build();
            });
            case UPDATE_CUSTOM_KEY_STORE -> Api.route(UpdateCustomKeyStoreRequest::builder, (caller, r) -> {
                keyStores.update(caller, new UpdateCustomKeyStoreCommand(
                        r.customKeyStoreId(),
                        r.newCustomKeyStoreName(),
                        r.cloudHsmClusterId(),
                        r.keyStorePassword(),
                        proxy(r.xksProxyConnectivityAsString(), r.xksProxyUriEndpoint(), r.xksProxyUriPath(),
                                r.xksProxyVpcEndpointServiceName(), r.xksProxyVpcEndpointServiceOwner(),
                                r.xksProxyAuthenticationCredential())));
                return UpdateCustomKeyStoreResponse.builder().build();
            });
            case CONNECT_CUSTOM_KEY_STORE -> Api.route(ConnectCustomKeyStoreRequest::builder, (caller, r) -> {
                keyStores.connect(caller, r.customKeyStoreId());
                return ConnectCustomKeyStoreResponse.builder().build();
            });
            case DISCONNECT_CUSTOM_KEY_STORE -> Api.route(DisconnectCustomKeyStoreRequest::builder, (caller, r) -> {
                keyStores.disconnect(caller, r.customKeyStoreId());
                return DisconnectCustomKeyStoreResponse.builder().build();
            });
            case DELETE_CUSTOM_KEY_STORE -> Api.route(DeleteCustomKeyStoreRequest::builder, (caller, r) -> {
                keyStores.delete(caller, r.customKeyStoreId());
                return DeleteCustomKeyStoreResponse.builder().build();
            });
            default -> null;
        };
    }

    /** Every field AWS returns for the key store's type; never the proxy's secret or the kmsuser password. */
    static CustomKeyStoresListEntry entry(CustomKeyStore store) {
        CustomKeyStoresListEntry.Builder b = CustomKeyStoresListEntry.builder()
                .customKeyStoreId(store.id())
                .customKeyStoreName(store.name())
                .customKeyStoreType(store.type().name())
                .connectionState(store.connectionState().name())
                .connectionErrorCode(store.connectionErrorCode())
                .creationDate(store.creationDate())
                .cloudHsmClusterId(store.cloudHsmClusterId())
                .trustAnchorCertificate(store.trustAnchorCertificate());
        XksProxy proxy = store.xksProxy();
        if (proxy != null) {
            b.xksProxyConfiguration(XksProxyConfigurationType.builder()
                    .connectivity(proxy.connectivity().name())
                    .accessKeyId(proxy.accessKeyId())
                    .uriEndpoint(proxy.uriEndpoint())
                    .uriPath(proxy.uriPath())
                    .vpcEndpointServiceName(proxy.vpcEndpointServiceName())
                    .vpcEndpointServiceOwner(proxy.vpcEndpointServiceOwner())
                    .build());
        }
        return b.build();
    }
}
