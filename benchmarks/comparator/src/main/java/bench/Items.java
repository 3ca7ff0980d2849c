package bench;

import java.net.URI;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** What a framework user writes first: read one row by id, insert one row. */
@Path("/items")
public class Items {
    @GET
    @Path("/{id}")
    public Item get(Long id) {
        Item item = Item.findById(id);
        if (item == null) {
            throw new NotFoundException();
        }
        return item;
    }

    @POST
    @Transactional
    public Response create(Item item) {
        item.id = null;
        item.persist();
        return Response.created(URI.create("/items/" + item.id)).entity(item).build();
    }
}
